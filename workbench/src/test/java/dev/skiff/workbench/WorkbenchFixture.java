package dev.skiff.workbench;

import dev.skiff.agent.client.OperatorHome;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.util.NodeQueryUtils;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A workbench window over a test's own skiff home, for TestFX tests (here and in tests/), and
 * copies of the examples to open in it.
 */
public final class WorkbenchFixture {
    /** Generous: the machine is shared and compiling a module takes a while there. */
    public static final long TIMEOUT_SECONDS = 120;

    private WorkbenchFixture() {}

    /** Shows a workbench over {@code home} in {@code stage}; call from TestFX's {@code @Start}. */
    public static Workbench show(Stage stage, Path home) {
        Workbench workbench = new Workbench(new OperatorHome(home));
        stage.setScene(new Scene(workbench.root(), 1100, 720));
        stage.show();
        return workbench;
    }

    /** The repository root: surefire sets SKIFF_ROOT, else the working directory's parent (a module). */
    public static Path root() {
        String root = System.getenv("SKIFF_ROOT");
        return root != null ? Path.of(root) : Path.of("").toAbsolutePath().getParent();
    }

    /** Copies {@code examples/NAME} (skiff.yaml and the built .wasm) into {@code dir}, so edits stay in the test. */
    public static Path copyExample(String name, Path dir) throws IOException {
        Path source = root().resolve("examples").resolve(name);
        Path target = Files.createDirectories(dir.resolve(name));
        try (var files = Files.list(source)) {
            for (Path file : files.toList()) {
                Files.copy(file, target.resolve(file.getFileName()));
            }
        }
        return target;
    }

    /** Waits (up to {@link #TIMEOUT_SECONDS}) for {@code condition}, read on the FX thread; fails with {@code state}. */
    public static void await(String what, BooleanSupplier condition, Supplier<String> state) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(condition::getAsBoolean).get());
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what + "; " + onFx(state));
        }
    }

    /** Clicks the visible control showing {@code text}: the hidden content of other tabs may show the same text. */
    public static void clickText(FxRobot robot, String text) {
        Node node = robot.lookup(LabeledMatchers.hasText(text)).match(NodeQueryUtils.isVisible()).query();
        if (node == null) {
            throw new AssertionError("nothing visible shows '" + text + "'");
        }
        robot.clickOn(node);
    }

    /** Reads {@code value} on the FX thread. */
    public static <T> T onFx(Supplier<T> value) {
        try {
            return WaitForAsyncUtils.asyncFx(value::get).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading the scene failed: " + e, e);
        }
    }
}
