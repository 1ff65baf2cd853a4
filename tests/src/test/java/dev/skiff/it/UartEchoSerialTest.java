package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff run --serial UART=/dev/pts/N examples/uart-echo}: the jssc backend on one end of
 * a socat pty pair, the test on the other.
 */
class UartEchoSerialTest {
    static final String UART_ECHO = Skiff.ROOT.resolve("examples/uart-echo").toString();

    @TempDir Path home;

    @Test
    void bytesRoundTripThroughAPtyPair() throws Exception {
        byte[] sent = new byte[600]; // more than uart-echo's 256-byte buffer, every byte value
        for (int i = 0; i < sent.length; i++) {
            sent[i] = (byte) (i * 7);
        }
        Path output = home.resolve("skiff.log");
        try (SocatPtyPair cable = SocatPtyPair.start(home); PtyEnd test = new PtyEnd(cable.b())) {
            Process skiff = new Skiff(home).start(output, "run", "--serial", "UART=" + cable.a(), UART_ECHO,
                    "--", Integer.toString(sent.length));
            awaitOutput(skiff, output, "uart-echo: echoing UART");
            test.write(sent);
            assertArrayEquals(sent, test.await(sent.length, Duration.ofSeconds(60)));
            assertTrue(skiff.waitFor(60, TimeUnit.SECONDS), Files.readString(output));
            assertEquals(0, skiff.exitValue(), Files.readString(output));
            assertTrue(Files.readString(output).contains("uart-echo: echoed 600 bytes"), Files.readString(output));
        }
    }

    @Test
    void aGuestWaitingInAReadIsKilledPromptlyAtItsTimeLimit() throws Exception {
        try (SocatPtyPair cable = SocatPtyPair.start(home); PtyEnd test = new PtyEnd(cable.b())) {
            var r = new Skiff(home).run("run", "--timeout", "2s", "--serial", "UART=" + cable.a(), UART_ECHO);
            // Killed, not failed: the read ended at the interrupt instead of outliving the grace period.
            assertTrue(r.stderr().contains("skiff: container killed (wall-time limit of 2s reached)"), r.toString());
            assertEquals(137, r.exitCode(), r.toString());
        }
    }

    @Test
    void aMissingDeviceIsRefusedNamingPortAndDevice() throws Exception {
        var r = new Skiff(home).run("run", "--serial", "UART=/dev/pts/9999", UART_ECHO);
        assertEquals(125, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("cannot open serial port UART (/dev/pts/9999)"), r.toString());
    }

    @Test
    void bindingAPortTheAppIsNotGrantedIsRefused() throws Exception {
        var r = new Skiff(home).run("run", "--serial", "GPS=/dev/ttyS0", UART_ECHO);
        assertEquals(125, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("serial port GPS is not granted; the app's skiff.yaml grants UART"), r.toString());
    }

    private static void awaitOutput(Process process, Path output, String line) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos(); // first run may build the CLI
        while (!Files.readString(output).contains(line)) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                process.destroyForcibly();
                throw new AssertionError("no '" + line + "' from skiff:\n" + Files.readString(output));
            }
            Thread.sleep(20);
        }
    }
}
