package dev.skiff.workbench;

import java.util.List;

/**
 * Starts the workbench: {@code skiff-workbench [APP-FOLDER]}, or {@code --version}. A plain main
 * class, so JavaFX may come from the class path.
 */
public final class WorkbenchMain {
    private WorkbenchMain() {}

    public static void main(String[] args) {
        if (List.of(args).contains("--version")) {
            System.out.println("Skiff Workbench " + WorkbenchMain.class.getPackage().getImplementationVersion());
            return;
        }
        javafx.application.Application.launch(WorkbenchApp.class, args);
    }
}
