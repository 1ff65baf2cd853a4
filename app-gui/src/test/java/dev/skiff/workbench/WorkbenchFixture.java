package dev.skiff.workbench;

import dev.skiff.agent.client.OperatorHome;
import dev.skiff.workbench.rollouts.RolloutProgress;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ListCell;
import javafx.stage.Stage;
import javax.imageio.ImageIO;
import org.testfx.api.FxRobot;
import org.testfx.matcher.control.LabeledMatchers;
import org.testfx.service.query.NodeQuery;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A workbench window over a test's own skiff home, for TestFX tests (here and in tests/), and
 * copies of the examples to open in it.
 */
public final class WorkbenchFixture {
    /** Generous: the machine is shared and compiling a module takes a while there. */
    public static final long TIMEOUT_SECONDS = 240;

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
        await("'" + text + "' to show", () -> robot.lookup(LabeledMatchers.hasText(text)).match(WorkbenchFixture::shown).tryQuery().isPresent(),
                () -> "nothing visible shows it");
        robot.clickOn(robot.lookup(LabeledMatchers.hasText(text)).match(WorkbenchFixture::shown).<Node>query());
    }

    /** Picks {@code text} in the combo box {@code query}, once the box offers it (its items load in the background). */
    public static void choose(FxRobot robot, String query, String text) {
        ComboBox<?> box = robot.lookup(query).queryComboBox();
        await(query + " to offer '" + text + "'", () -> box.getItems().stream().anyMatch(item -> box.getConverter().toString(cast(item)).equals(text)),
                () -> "it offers " + box.getItems());
        robot.clickOn(box);
        clickText(robot, text);
    }

    /** Clicks the rollout's line in the Rollouts view, found by the item it shows: the line is wider than the list. */
    public static void clickRollout(FxRobot robot, long id) {
        // cells follow the list's items at the next layout pass
        await("rollout " + id + " in the list", () -> rolloutCell(robot, id).tryQuery().isPresent(), () -> "no cell shows it");
        robot.clickOn(rolloutCell(robot, id).<Node>query());
    }

    private static NodeQuery rolloutCell(FxRobot robot, long id) {
        return robot.lookup("#rollouts .list-cell").match((ListCell<?> cell) -> cell.getItem() instanceof RolloutProgress r && r.id() == id);
    }

    @SuppressWarnings("unchecked")
    private static <T> T cast(Object item) {
        return (T) item;
    }

    /** Visible with every ancestor: a tab that is not selected hides its content by its content region. */
    private static boolean shown(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    /** Shows the tab, lets it lay out and draw, then writes the window's content to {@code png}. */
    public static void screenshot(Workbench workbench, String tab, Path png) throws IOException {
        onFx(() -> {
            workbench.show(tab);
            return null;
        });
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = onFx(() -> SwingFXUtils.fromFXImage(workbench.root().snapshot(null, null), null));
        Files.createDirectories(png.getParent());
        if (!ImageIO.write(image, "png", png.toFile())) {
            throw new IOException("no PNG writer in this JDK");
        }
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
