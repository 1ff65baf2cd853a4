package dev.skiff.workbench.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.api.BoardInfo;
import dev.skiff.protocols.api.BoardInfo.SerialPort;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.ManifestParser;
import java.util.List;
import org.junit.jupiter.api.Test;

class GrantReviewTest {
    private static final String GPS = "    GPS: {device: /dev/ttyAMA0, baud: 9600}\n";

    private static CapabilityGrants grants(String kind, String entries) throws Exception {
        AppManifest app = ManifestParser.parse("name: a\nversion: 1.0.0\nmodule: a.wasm\ncapabilities:\n  " + kind + ":\n" + entries, "skiff.yaml");
        return app.capabilities();
    }

    private static BoardInfo board(String backend, List<BoardInfo.BoardLine> lines, SerialPort... serial) {
        return new BoardInfo(backend, lines, List.of(serial));
    }

    private static GrantReview review(CapabilityGrants asks, BoardInfo board) {
        return GrantReview.of("pi1", "tracker", asks, board);
    }

    @Test
    void aDeviceWithoutGpioCannotRunAnAppThatNeedsIt() throws Exception {
        GrantReview review = review(grants("gpio", "    LED: {line: 17, mode: output}\n"), board("none", List.of()));
        assertFalse(review.deployable());
        assertTrue(review.lines().getFirst().startsWith("NO GPIO: this device's agent has no GPIO backend (gpio: none), but the image needs LED (GPIO17)."),
                review.lines().toString());
    }

    @Test
    void eachLineIsShownWithTheBackendAndItsLevel() throws Exception {
        GrantReview review = review(grants("gpio", "    LED: {line: 17, mode: output}\n    BUTTON: {line: 27, mode: input}\n"),
                board("sim", List.of(new BoardInfo.BoardLine("gpiochip0", 17, "GPIO17", "high"))));
        assertTrue(review.deployable());
        assertEquals(List.of("BUTTON input on GPIO27: simulated board", "LED output on GPIO17: simulated board, now high"),
                review.lines().stream().sorted().toList());
        assertEquals(List.of("LED output on GPIO17: pi4j backend"),
                review(grants("gpio", "    LED: {line: 17, mode: output}\n"), board("pi4j", List.of())).lines());
    }

    @Test
    void anAppWithoutGrantsRunsAnywhere() {
        GrantReview review = review(CapabilityGrants.NONE, board("none", List.of()));
        assertTrue(review.deployable());
        assertEquals(List.of("GPIO: none needed (backend none)"), review.lines());
    }

    @Test
    void aFreePortIsPresentAndAPortTheDeviceDoesNotListIsAWarningOnly() throws Exception {
        GrantReview free = review(grants("serial", GPS), board("none", List.of(), new SerialPort("/dev/ttyAMA0", null)));
        assertTrue(free.deployable());
        assertEquals("serial GPS on /dev/ttyAMA0 at 9600 baud: present, free", free.lines().get(1));

        GrantReview unlisted = review(grants("serial", GPS), board("none", List.of(), new SerialPort("/dev/ttyS0", null)));
        assertTrue(unlisted.deployable(), "a pty or a symlink is not listed but may open");
        assertEquals("serial GPS on /dev/ttyAMA0 at 9600 baud: not among the serial ports this device lists (/dev/ttyS0);"
                + " the agent refuses the deploy if it cannot open /dev/ttyAMA0", unlisted.lines().get(1));
    }

    @Test
    void theConsoleAndAPortAnotherAppHoldsBlockTheDevice() throws Exception {
        GrantReview console = review(grants("serial", GPS), board("none", List.of(), new SerialPort("/dev/ttyAMA0", BoardInfo.CONSOLE)));
        assertFalse(console.deployable());
        assertTrue(console.lines().get(1).startsWith("serial GPS on /dev/ttyAMA0 at 9600 baud: NOT FREE: it is this device's provisioning console"),
                console.lines().toString());

        GrantReview other = review(grants("serial", GPS), board("none", List.of(), new SerialPort("/dev/ttyAMA0", "logger/r4")));
        assertFalse(other.deployable());
        assertTrue(other.lines().get(1).endsWith("NOT FREE: held by container logger/r4, and a port has one owner at a time."
                + " Deploy is disabled for it: deselect it, or stop that app first (skiff stop logger --device pi1)."), other.lines().toString());
    }

    @Test
    void aPortThisAppsRunningReleaseHoldsIsHandedOver() throws Exception {
        GrantReview review = review(grants("serial", GPS), board("none", List.of(), new SerialPort("/dev/ttyAMA0", "tracker/r2")));
        assertTrue(review.deployable());
        assertEquals("serial GPS on /dev/ttyAMA0 at 9600 baud: held by tracker/r2, this app's running release, which the deploy stops first",
                review.lines().get(1));
    }
}
