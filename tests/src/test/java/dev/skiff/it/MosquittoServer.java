package dev.skiff.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * The real Mosquitto broker (Debian's {@code mosquitto}) on 127.0.0.1 with a free port, its
 * config, log and persistence in a directory of the test. Persistence is on, so a restart keeps
 * retained messages, as a production broker would. {@link #startTls} makes the listener require a
 * client certificate, as a broker facing the internet would.
 */
final class MosquittoServer implements AutoCloseable {
    private final Path dir;
    private final Path config;
    private final int port;
    private final String scheme;
    private Process process;

    private MosquittoServer(Path dir, Path config, int port, String scheme) {
        this.dir = dir;
        this.config = config;
        this.port = port;
        this.scheme = scheme;
    }

    static MosquittoServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, "tcp", "");
    }

    /**
     * A TLS listener presenting {@code certificate} (PEM chain, key in {@code key}) that admits only
     * clients whose certificate {@code ca} signed and whose extended key usage allows a client
     * (OpenSSL's sslclient purpose).
     */
    static MosquittoServer startTls(Path dir, Path ca, Path certificate, Path key) throws IOException, InterruptedException {
        return start(dir, "ssl", """
                cafile %s
                certfile %s
                keyfile %s
                require_certificate true
                use_identity_as_username true
                """.formatted(ca, certificate, key));
    }

    /** @param listenerOptions lines that configure the listener further */
    private static MosquittoServer start(Path dir, String scheme, String listenerOptions) throws IOException, InterruptedException {
        Files.createDirectories(dir.resolve("data"));
        int port = RegistryServer.freePort();
        // unlimited queues: an operator subscribing to hundreds of devices gets all their retained states at once
        Path config = Files.writeString(dir.resolve("mosquitto.conf"), """
                # as root mosquitto would switch to its own user, which cannot write the test's directory
                user root
                listener %d 127.0.0.1
                %sallow_anonymous true
                persistence true
                persistence_location %s/
                autosave_interval 1
                max_queued_messages 0
                max_inflight_messages 0
                set_tcp_nodelay true
                log_dest file %s
                log_type error
                log_type warning
                """.formatted(port, listenerOptions, dir.resolve("data"), dir.resolve("mosquitto.log")));
        MosquittoServer server = new MosquittoServer(dir, config, port, scheme);
        server.launch();
        return server;
    }

    private void launch() throws IOException, InterruptedException {
        String mosquitto = HostTools.require("mosquitto", "mosquitto");
        process = new ProcessBuilder(mosquitto, "-c", config.toString()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("mosquitto.out").toFile())).start();
        awaitListening();
    }

    /** {@code tcp://127.0.0.1:PORT} (or {@code ssl://}), the URL clients connect to. */
    String url() {
        return scheme + "://127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Stops the broker: SIGTERM, so it saves its persistence file. */
    void stop() throws InterruptedException {
        ExternalProcess.stop(process);
    }

    /** Starts the stopped broker again on the same port, with what it persisted. */
    void startAgain() throws IOException, InterruptedException {
        launch();
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("mosquitto exited with " + process.exitValue() + ":\n" + log());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        close();
        throw new AssertionError("mosquitto did not listen on " + url() + " within 15 s:\n" + log());
    }

    String log() throws IOException {
        Path out = dir.resolve("mosquitto.out");
        Path file = dir.resolve("mosquitto.log");
        return (Files.exists(out) ? Files.readString(out) : "") + (Files.exists(file) ? Files.readString(file) : "");
    }

    @Override
    public void close() throws InterruptedException {
        ExternalProcess.stop(process);
    }
}
