package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code skiff device provision --serial}: a real agent with its console on one pty pair, the
 * CLI on another, and a relay between them that damages the first frame on its way to the
 * agent. The agent rejects it (NAK), the CLI sends it again, the device enrolls, and the API
 * then answers the CLI over mTLS; a serial app deployed there, its port bound at deploy to a
 * third pair, echoes.
 */
class SerialProvisionTest {
    /** Where in the CLI's first frame the relay flips a bit: past the flag, type and sequence bytes. */
    static final int DAMAGED_BYTE = 12;

    static final String UART_ECHO = Skiff.ROOT.resolve("examples/uart-echo").toString();

    @TempDir Path dir;

    @Test
    void enrollsOverTheConsoleAfterACorruptedFrameIsRejectedAndSentAgain() throws Exception {
        Skiff skiff = operatorWithCa();
        try (SocatPtyPair operatorSide = SocatPtyPair.start(dir);
                SocatPtyPair deviceSide = SocatPtyPair.start(dir);
                SocatPtyPair appSide = SocatPtyPair.start(dir)) {
            Path data = agentData();
            // The agent's store is an image store too; the operator builds the same digest later.
            ok(new Skiff(data).run("build", UART_ECHO, "-t", "uart-echo:1"));
            try (AgentProcess agent = AgentProcess.startWithConsole(dir, data, "pi1", deviceSide.a());
                    Relay relay = new Relay(operatorSide.b(), deviceSide.b())) {
                agent.awaitOutput("serial provisioning on " + deviceSide.a());

                Skiff.Result r = ok(skiff.run("device", "provision", "--serial", operatorSide.a(), "--name", "pi1"));
                assertTrue(relay.damaged.get(), "the relay damaged a frame");
                assertTrue(r.stdout().contains("enrolled pi1 at " + agent.address()), r.toString());
                assertTrue(r.stderr().contains("the other side got a damaged frame; sending HELLO again"), r.toString());
                assertTrue(agent.output().contains("skiff-agent: console: damaged frame (CRC-32 mismatch); asked for it again"),
                        agent.output());
                assertTrue(agent.output().contains("skiff-agent: enrolled over the console as pi1"), agent.output());

                assertTrue(ok(skiff.run("device", "status", "pi1")).stdout().contains("device:  pi1"));

                Skiff.Result again = skiff.run("device", "provision", "--serial", operatorSide.a(), "--name", "pi1");
                assertEquals(125, again.exitCode(), again.toString());
                assertTrue(again.stderr().contains("is enrolled already (as pi1)"), again.toString());

                deployedSerialAppEchoes(skiff, appSide);
            }
        }
    }

    /** The enrolled device runs uart-echo, its UART bound at deploy to the device's end of {@code appSide}. */
    private static void deployedSerialAppEchoes(Skiff skiff, SocatPtyPair appSide) throws Exception {
        ok(skiff.run("build", UART_ECHO, "-t", "uart-echo:1"));
        assertTrue(ok(skiff.run("deploy", "uart-echo:1", "--device", "pi1", "--serial", "UART=" + appSide.a())).stdout()
                .contains("uart-echo r1 is running"));
        try (PtyEnd console = new PtyEnd(appSide.b())) {
            byte[] sent = "over the cable\n".getBytes(StandardCharsets.US_ASCII);
            console.write(sent);
            assertArrayEquals(sent, console.await(sent.length, Duration.ofSeconds(60)));
        }
    }

    @Test
    void aTokenForAnotherDeviceIsRefusedBeforeEnrolling() throws Exception {
        Skiff skiff = operatorWithCa();
        try (SocatPtyPair cable = SocatPtyPair.start(dir);
                AgentProcess agent = AgentProcess.startWithConsole(dir, agentData(), "pi2", cable.a())) {
            agent.awaitOutput("serial provisioning on " + cable.a());
            String other = "00112233445566778899aabbccddeeff.AAAAAAAAAAAAAAAAAAAAAA";
            Skiff.Result r = skiff.run("device", "provision", "--serial", cable.b(), "--name", "pi2", "--token", other);
            assertEquals(125, r.exitCode(), r.toString());
            assertTrue(r.stderr().contains("is not the one the token names"), r.toString());
            ok(skiff.run("device", "provision", "--serial", cable.b(), "--name", "pi2", "--token", agent.token()));
        }
    }

    private Skiff operatorWithCa() throws Exception {
        Skiff skiff = new Skiff(Files.createDirectories(dir.resolve("home")));
        ok(skiff.run("ca", "init"));
        return skiff;
    }

    private Path agentData() throws IOException {
        return Files.createDirectories(dir.resolve("agent-data"));
    }

    /** Copies bytes both ways between two ptys, flipping one bit of the first frame towards the device. */
    static final class Relay implements AutoCloseable {
        final AtomicBoolean damaged = new AtomicBoolean();
        private final InputStream fromOperator;
        private final OutputStream toOperator;
        private final InputStream fromDevice;
        private final OutputStream toDevice;

        Relay(String operatorPty, String devicePty) throws IOException {
            fromOperator = new FileInputStream(operatorPty);
            toOperator = new FileOutputStream(operatorPty);
            fromDevice = new FileInputStream(devicePty);
            toDevice = new FileOutputStream(devicePty);
            start("relay to device", fromOperator, toDevice, true);
            start("relay to operator", fromDevice, toOperator, false);
        }

        private void start(String name, InputStream in, OutputStream out, boolean damageFirstFrame) {
            Thread t = new Thread(() -> {
                byte[] buf = new byte[4096];
                long seen = 0;
                try {
                    for (int n; (n = in.read(buf)) >= 0; seen += n) {
                        if (damageFirstFrame && seen <= DAMAGED_BYTE && DAMAGED_BYTE < seen + n) {
                            buf[(int) (DAMAGED_BYTE - seen)] ^= 0x04;
                            damaged.set(true);
                        }
                        out.write(buf, 0, n);
                        out.flush();
                    }
                } catch (IOException e) {
                    // a pty went away at the end of the test
                }
            }, name);
            t.setDaemon(true);
            t.start();
        }

        @Override
        public void close() throws IOException {
            fromOperator.close();
            toOperator.close();
            fromDevice.close();
            toDevice.close();
        }
    }
}
