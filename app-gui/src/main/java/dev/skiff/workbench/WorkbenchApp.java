package dev.skiff.workbench;

import dev.skiff.agent.client.OperatorHome;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.stage.Stage;

/** The Skiff Workbench window over {@code $SKIFF_HOME}; an app folder given on the command line is opened. */
public final class WorkbenchApp extends Application {
    private Workbench workbench;

    @Override
    public void start(Stage stage) {
        workbench = new Workbench(OperatorHome.fromEnvironment());
        getParameters().getUnnamed().stream().findFirst().ifPresent(dir -> workbench.app().open(java.nio.file.Path.of(dir)));
        stage.setTitle("Skiff Workbench");
        stage.setScene(new Scene(workbench.root(), 1100, 720));
        stage.show();
    }

    @Override
    public void stop() {
        if (workbench != null) {
            workbench.close();
        }
    }
}
