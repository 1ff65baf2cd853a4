package dev.skiff.it;

import static dev.skiff.it.Skiff.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.Identity;
import dev.skiff.agent.tls.FleetTrustManager;
import dev.skiff.agent.tls.TlsContexts;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real agent process and the real {@code ./skiff}: make a fleet CA, enroll the device with the
 * token it printed, and see who it answers (DESIGN §7: no endpoint answers an unauthenticated
 * client except enrollment); then deploy, ps, run once and follow logs through the API.
 */
class AgentApiTest {
    @TempDir Path dir;

    @Test
    void enrollOnlyOnceThenServeOnlyTheFleet() throws Exception {
        Path data = Files.createDirectories(dir.resolve("agent-data"));
        // The agent's store is an image store too: build the example straight into it.
        String digest = ok(new Skiff(data).run("build", "examples/sleeper", "-t", "sleeper:1")).stdout().strip();
        // hello without volumes (a run keeps nothing), ending with exit code 3
        Path hello = Files.createDirectories(dir.resolve("hello"));
        Files.copy(Skiff.ROOT.resolve("examples/hello/hello.wasm"), hello.resolve("hello.wasm"));
        Files.writeString(hello.resolve("skiff.yaml"), "name: hello\nversion: 1.0.0\nmodule: hello.wasm\nenv: {EXIT_CODE: \"3\"}\n");
        ok(new Skiff(data).run("build", hello.toString(), "-t", "hello:1"));
        Skiff skiff = new Skiff(Files.createDirectories(dir.resolve("home")));
        try (AgentProcess agent = AgentProcess.start(dir, data, "pi1")) {
            ok(skiff.run("ca", "init"));
            String token = agent.token();
            assertTrue(ok(skiff.run("device", "enroll", agent.address(), "--token", token, "--name", "pi1")).stdout().contains("enrolled pi1"));

            Skiff.Result again = skiff.run("device", "enroll", agent.address(), "--token", token, "--name", "pi1");
            assertEquals(125, again.exitCode(), again.toString());
            assertTrue(again.stderr().contains("enrollment token was used and cannot be used again"), again.toString());

            EnrollmentToken pinned = EnrollmentToken.parse(token);
            String anonymous = get(agent, pinned, null, "/v1/apps");
            assertTrue(anonymous.startsWith("HTTP/1.1 401"), anonymous);
            assertTrue(anonymous.contains("client certificate from the fleet CA is required"), anonymous);

            ok(skiff.run("ca", "init", "--dir", dir.resolve("other-ca").toString()));
            Identity stranger = FleetCa.open(dir.resolve("other-ca")).operator();
            assertThrows(IOException.class, () -> get(agent, pinned, stranger, "/v1/apps"), "a certificate of another CA fails the handshake");

            assertTrue(ok(skiff.run("device", "ls")).stdout().contains("pi1"));
            assertTrue(ok(skiff.run("device", "status", "pi1")).stdout().contains("device:  pi1"));

            // the same app folder builds to the same digest on the operator's side, so a local tag names it
            assertEquals(digest, ok(skiff.run("build", "examples/sleeper", "-t", "sleeper:1")).stdout().strip());
            assertTrue(ok(skiff.run("deploy", "sleeper:1", "--device", "pi1")).stdout().contains("sleeper r1 is running " + digest));
            String ps = ok(skiff.run("ps", "--device", "pi1")).stdout();
            assertTrue(ps.contains("sleeper/r1") && ps.contains("running"), ps);
            assertTrue(ok(skiff.run("history", "--device", "pi1", "sleeper")).stdout().contains("ACTIVE"));

            // run once: the output comes back, the exit code is the guest's, no app is left
            ok(skiff.run("build", hello.toString(), "-t", "hello:1"));
            Skiff.Result run = skiff.run("run", "--device", "pi1", "hello:1", "--", "x", "y");
            assertEquals(3, run.exitCode(), run.toString());
            assertEquals("Hello from Skiff!\narg[1]=x\narg[2]=y\n", run.stdout());
            assertTrue(!ok(skiff.run("ps", "--device", "pi1")).stdout().contains("hello"));
            Skiff.Result local = skiff.run("run", "--device", "pi1", "--memory", "1M", "hello:1");
            assertEquals(125, local.exitCode(), local.toString());
            assertTrue(local.stderr().contains("--memory, --cpu-time, --timeout, --interpreter, --board and --serial are for local runs only"), local.toString());

            followedLogsGrow(skiff);
        }
    }

    /** {@code skiff logs -f} keeps printing lines the app writes after it started. */
    private void followedLogsGrow(Skiff skiff) throws Exception {
        Path out = dir.resolve("logs-f.txt");
        Process follow = skiff.start(out, "logs", "-f", "--device", "pi1", "sleeper");
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            int first = -1;
            while (true) {
                List<String> ticks = Files.readAllLines(out).stream().filter(l -> l.contains(" stdout tick ")).toList();
                if (first < 0 && !ticks.isEmpty()) {
                    first = ticks.size();
                } else if (first > 0 && ticks.size() >= first + 2) {
                    return;
                }
                if (System.nanoTime() > deadline || !follow.isAlive()) {
                    throw new AssertionError("skiff logs -f did not stream new lines:\n" + Files.readString(out));
                }
                Thread.sleep(100);
            }
        } finally {
            ExternalProcess.stop(follow);
        }
    }

    /** A raw GET over TLS to the pinned device, with a client identity or none. */
    private static String get(AgentProcess agent, EnrollmentToken pinned, Identity identity, String path) throws IOException {
        var factory = TlsContexts.create(identity == null ? null : () -> identity,
                new FleetTrustManager(Optional::empty, Optional.of(pinned.pin()))).getSocketFactory();
        try (SSLSocket socket = (SSLSocket) factory.createSocket("127.0.0.1", agent.port())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: device\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
