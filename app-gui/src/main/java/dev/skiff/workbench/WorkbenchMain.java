package dev.skiff.workbench;

import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Starts the workbench: {@code skiff-workbench [APP-FOLDER]}, {@code --version} or {@code --help}.
 * A plain main class, so JavaFX may come from the class path.
 */
public final class WorkbenchMain {
    static final String USAGE = """
            Usage: skiff gui [APP-FOLDER]
                   skiff-workbench [APP-FOLDER]     (the installed app image)
            Starts the Skiff Workbench, the desktop app for building, signing, trying and deploying
            Skiff apps; APP-FOLDER (with skiff.yaml) is opened in the App view.
            Its operator state is $SKIFF_HOME (default ~/.skiff), shared with the skiff CLI.
            It needs a display: a desktop session, ssh -X, or xvfb-run for a headless one.
              --version   print the version and exit
              -h, --help  print this help and exit""";

    /** JavaFX warns on every start that it was loaded from the class path, which is how we ship it; kept so the level sticks. */
    private static final Logger JAVAFX_PLATFORM = Logger.getLogger("javafx");

    private WorkbenchMain() {}

    public static void main(String[] args) {
        List<String> arguments = List.of(args);
        if (arguments.contains("--help") || arguments.contains("-h")) {
            System.out.println(USAGE);
            return;
        }
        if (arguments.contains("--version")) {
            System.out.println("Skiff Workbench " + WorkbenchMain.class.getPackage().getImplementationVersion());
            return;
        }
        if (args.length > 1 || args.length == 1 && args[0].startsWith("-")) {
            fail(2, "expected at most one APP-FOLDER, got " + String.join(" ", args) + "\n" + USAGE);
        }
        String display = System.getenv("DISPLAY");
        String wayland = System.getenv("WAYLAND_DISPLAY");
        if (isBlank(display) && isBlank(wayland)) {
            fail(1, "no display to open the window on (DISPLAY is not set): start it in a desktop session, over ssh -X,"
                    + " or headless under xvfb-run (xvfb-run ./skiff gui)");
        }
        JAVAFX_PLATFORM.setLevel(Level.SEVERE);
        try {
            javafx.application.Application.launch(WorkbenchApp.class, args);
        } catch (UnsupportedOperationException e) {
            // GTK's refusal when DISPLAY names no X server that answers
            fail(1, "cannot open the display " + (isBlank(display) ? wayland : display) + " (" + e.getMessage()
                    + "): check that the X server runs and that you may connect to it (xhost, ssh -X), or run under xvfb-run");
        }
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }

    private static void fail(int status, String message) {
        System.err.println("skiff gui: " + message);
        System.exit(status); // JavaFX may have left non-daemon threads behind
    }
}
