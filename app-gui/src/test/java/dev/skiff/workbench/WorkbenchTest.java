package dev.skiff.workbench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;

/** A TestFX test of a workbench window over a skiff home of its own ({@code dir/home}); here and in tests/. */
@ExtendWith(ApplicationExtension.class)
public abstract class WorkbenchTest {
    private static final Path FONT = Path.of("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf");
    @TempDir protected Path dir;
    protected Path home;
    protected Workbench workbench;

    /** In a @BeforeEach: TestFX looks for @Start methods in the test class only, not in its superclasses. */
    @BeforeEach
    void showWorkbench() throws IOException, TimeoutException {
        if (!Files.exists(FONT)) {
            throw new AssertionError("JavaFX has no font to draw with: install fonts-dejavu-core (scripts/test does, as root)");
        }
        home = Files.createDirectories(dir.resolve("home"));
        Stage stage = FxToolkit.registerPrimaryStage();
        FxToolkit.setupFixture(() -> {
            workbench = WorkbenchFixture.show(stage, home);
        });
    }

    @AfterEach
    void closeWorkbench() {
        WorkbenchFixture.onFx(() -> {
            workbench.close();
            return null;
        });
    }
}
