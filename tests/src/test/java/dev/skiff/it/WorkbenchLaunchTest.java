package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.workbench.WorkbenchFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./skiff gui} as a user starts it: on a real X server (Xvfb, through GTK rather than the
 * tests' headless Monocle) it opens the Skiff Workbench window; without a display it says what to
 * do instead of printing JavaFX's stack trace; {@code --help} is its usage.
 */
class WorkbenchLaunchTest {
    @TempDir Path dir;

    @Test
    void opensItsWindowOnAnXDisplay() throws Exception {
        Path app = WorkbenchFixture.copyExample("blinky", dir);
        Path output = dir.resolve("gui.out");
        String xwininfo = HostTools.require("xwininfo", "x11-utils");
        try (XvfbDisplay x = XvfbDisplay.start(dir)) {
            Process gui = new Skiff(dir).withEnv("DISPLAY", x.display()).start(output, "gui", app.toString());
            try {
                long deadline = System.nanoTime() + 120_000_000_000L;
                String window = "";
                while (!window.contains("Map State: IsViewable")) {
                    assertTrue(gui.isAlive(), "skiff gui exited " + (gui.isAlive() ? "" : gui.exitValue()) + ":\n" + Files.readString(output));
                    assertTrue(System.nanoTime() < deadline, "no Skiff Workbench window on " + x.display() + " in 120 s:\n" + Files.readString(output));
                    Thread.sleep(250);
                    window = ExternalProcess.run(dir, List.of("env", "DISPLAY=" + x.display(), xwininfo, "-name", "Skiff Workbench")).output();
                }
                assertTrue(window.contains("Width: 1100") && window.contains("Height: 720"), window);
                String printed = Files.readString(output);
                assertFalse(printed.contains("Exception") || printed.contains("WARNING"), "a clean start prints nothing alarming:\n" + printed);
            } finally {
                ExternalProcess.stop(gui);
            }
        }
    }

    @Test
    void withoutADisplayItSaysWhatToDo() throws Exception {
        Skiff.Result r = new Skiff(dir).withEnv("DISPLAY", "").withEnv("WAYLAND_DISPLAY", "").run("gui");
        assertEquals(1, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("skiff gui: no display to open the window on (DISPLAY is not set): start it in a desktop session,"
                + " over ssh -X, or headless under xvfb-run (xvfb-run ./skiff gui)"), r.toString());
        assertFalse(r.stderr().contains("Exception"), r.toString());
    }

    @Test
    void helpIsItsUsage() throws Exception {
        Skiff.Result r = Skiff.ok(new Skiff(dir).run("gui", "--help"));
        assertTrue(r.stdout().startsWith("Usage: skiff gui [APP-FOLDER]"), r.toString());
        Skiff.Result extra = new Skiff(dir).run("gui", "one", "two");
        assertEquals(2, extra.exitCode(), extra.toString());
        assertTrue(extra.stderr().contains("expected at most one APP-FOLDER, got one two"), extra.toString());
    }
}
