package dev.skiff.workbench.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.WorkbenchFixture;
import dev.skiff.workbench.WorkbenchTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.ListView;
import javafx.scene.control.TextArea;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;

/** Acceptance 3: an invalid manifest shows its problem with the line number and disables Build. */
class ManifestValidationTest extends WorkbenchTest {
    @Test
    void typingAnUnknownKeyShowsItsLineAndDisablesBuild(FxRobot robot) throws IOException {
        Path app = WorkbenchFixture.copyExample("blinky", dir);
        int lines = Files.readAllLines(app.resolve("skiff.yaml")).size();
        robot.interact(() -> workbench.app().open(app));
        Button build = robot.lookup("#build").queryButton();
        ListView<?> problems = robot.lookup("#manifest-problems").queryListView();
        assertFalse(build.isDisabled(), "blinky's skiff.yaml is valid, so Build is enabled");
        assertTrue(problems.getItems().isEmpty());

        TextArea editor = robot.lookup("#manifest-editor").queryAs(TextArea.class);
        robot.clickOn(editor);
        robot.interact(() -> editor.positionCaret(editor.getLength()));
        robot.write("colour: red\n");

        List<?> shown = WorkbenchFixture.onFx(() -> List.copyOf(problems.getItems()));
        assertEquals(1, shown.size(), "problems: " + shown);
        String problem = shown.getFirst().toString();
        assertTrue(problem.startsWith("line " + (lines + 1) + ", column 1: "), problem);
        assertTrue(problem.contains("colour"), problem);
        assertTrue(build.isDisabled(), "Build must be disabled while skiff.yaml has problems");

        robot.interact(() -> editor.setText(editor.getText().replace("colour: red\n", "")));
        assertFalse(build.isDisabled(), "fixing the manifest enables Build again");
        assertTrue(problems.getItems().isEmpty());
    }
}
