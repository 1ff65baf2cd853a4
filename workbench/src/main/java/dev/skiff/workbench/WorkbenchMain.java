package dev.skiff.workbench;

/** Starts the workbench; a plain main class, so JavaFX may come from the class path. */
public final class WorkbenchMain {
    private WorkbenchMain() {}

    public static void main(String[] args) {
        javafx.application.Application.launch(WorkbenchApp.class, args);
    }
}
