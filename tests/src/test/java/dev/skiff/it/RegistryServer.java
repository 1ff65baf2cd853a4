package dev.skiff.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real distribution registry (Debian's docker-registry, distribution 2.8) on 127.0.0.1 with a
 * free port and its storage in a directory of the test, optionally requiring htpasswd credentials.
 */
final class RegistryServer implements AutoCloseable {
    private final Process process;
    private final Path dir;
    private final int port;

    private RegistryServer(Process process, Path dir, int port) {
        this.process = process;
        this.dir = dir;
        this.port = port;
    }

    /** A registry anyone may push to. */
    static RegistryServer start(Path dir) throws IOException, InterruptedException {
        return start(dir, "");
    }

    /** A registry that accepts only this user, with basic auth. */
    static RegistryServer startWithUser(Path dir, String user, String password) throws IOException, InterruptedException {
        String htpasswd = HostTools.require("htpasswd", "apache2-utils");
        Files.createDirectories(dir);
        Path users = dir.resolve("htpasswd");
        var made = ExternalProcess.run(dir, List.of(htpasswd, "-Bbn", user, password));
        if (made.exitCode() != 0) {
            throw new AssertionError("htpasswd failed: " + made.output());
        }
        Files.writeString(users, made.output());
        return start(dir, """
                auth:
                  htpasswd:
                    realm: skiff-test
                    path: %s
                """.formatted(users));
    }

    private static RegistryServer start(Path dir, String authSection) throws IOException, InterruptedException {
        String registry = HostTools.require("docker-registry", "docker-registry");
        Files.createDirectories(dir);
        int port = freePort();
        Path config = Files.writeString(dir.resolve("config.yml"), """
                version: 0.1
                log:
                  level: warn
                  accesslog:
                    disabled: true
                storage:
                  filesystem:
                    rootdirectory: %s
                http:
                  addr: 127.0.0.1:%d
                  secret: skiff-test-secret
                %s""".formatted(dir.resolve("storage"), port, authSection));
        Process process = new ProcessBuilder(registry, "serve", config.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("registry.log").toFile()).start();
        RegistryServer server = new RegistryServer(process, dir, port);
        server.awaitApi();
        return server;
    }

    /** The registry's name in image references: {@code 127.0.0.1:PORT}. */
    String address() {
        return "127.0.0.1:" + port;
    }

    int port() {
        return port;
    }

    /** Where the registry keeps a blob's bytes (filesystem driver layout). */
    Path blobData(String hex) {
        return dir.resolve("storage/docker/registry/v2/blobs/sha256").resolve(hex.substring(0, 2)).resolve(hex).resolve("data");
    }

    /** Polls /v2/ until it answers (200, or 401 with auth), for at most 15 s. */
    private void awaitApi() throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        HttpRequest ping = HttpRequest.newBuilder(URI.create("http://" + address() + "/v2/")).timeout(Duration.ofSeconds(2)).build();
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("docker-registry exited with " + process.exitValue() + ":\n" + log());
            }
            try {
                int status = http.send(ping, HttpResponse.BodyHandlers.discarding()).statusCode();
                if (status == 200 || status == 401) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(50);
        }
        close();
        throw new AssertionError("docker-registry did not answer on " + address() + " within 15 s:\n" + log());
    }

    String log() throws IOException {
        return Files.readString(dir.resolve("registry.log"));
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        ExternalProcess.stop(process);
    }
}
