package dev.skiff.shim;

import dev.skiff.shim.oci.BundleException;
import dev.skiff.shim.oci.BundleSpec;
import java.io.File;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code start} action: finds the daemon of the container's pod or launches one, and tells
 * containerd its address (on stdout, and in the bundle's {@code address} file). The daemon is a
 * process of its own in a new session, so it outlives this command, which containerd waits for.
 */
final class ShimStarter {
    /** The launcher script exports its own path here, so the daemon is started the same way. */
    static final String LAUNCHER_ENV = "SKIFF_SHIM_LAUNCHER";
    /** Generous: a JVM starting on a loaded two-core board. */
    static final Duration READY_TIMEOUT = Duration.ofSeconds(30);

    private ShimStarter() {}

    static String start(ShimFlags flags, Path bundle) throws IOException, BundleException, InterruptedException {
        flags.require("namespace", "address", "id");
        String launcher = System.getenv(LAUNCHER_ENV);
        if (launcher == null || launcher.isEmpty()) {
            throw new IOException(LAUNCHER_ENV + " is not set: start the shim through its launcher, containerd-shim-skiff-v1");
        }
        String group = BundleSpec.read(bundle).sandboxId().orElse(flags.id());
        Path socket = ShimSocket.of(flags.address(), flags.namespace(), group);
        Files.createDirectories(socket.getParent());
        // Containers of one pod start concurrently; only one of them may launch the pod's daemon.
        try (FileChannel lockFile = FileChannel.open(lockOf(socket), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = lockFile.lock()) {
            if (!answers(socket)) {
                Files.deleteIfExists(socket); // left by a daemon that died
                awaitReady(launch(launcher, flags, group, socket, bundle), socket);
            }
        }
        String address = ShimSocket.address(socket);
        Path temp = bundle.resolve(".address");
        Files.writeString(temp, address);
        Files.move(temp, bundle.resolve("address"), StandardCopyOption.ATOMIC_MOVE);
        return address;
    }

    static Path lockOf(Path socket) {
        return socket.resolveSibling(socket.getFileName() + ".lock");
    }

    private static Process launch(String launcher, ShimFlags flags, String group, Path socket, Path bundle) throws IOException {
        List<String> command = new ArrayList<>(List.of("setsid", launcher, "-namespace", flags.namespace(), "-address", flags.address(),
                "-publish-binary", flags.publishBinary(), "-id", group, "-socket", socket.toString()));
        if (flags.debug()) {
            command.add("-debug");
        }
        command.add("serve");
        // containerd reads the bundle's "log" FIFO into its own log; the daemon's output goes there.
        return new ProcessBuilder(command).directory(bundle.toFile())
                .redirectInput(new File("/dev/null"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(bundle.resolve("log").toFile()))
                .start();
    }

    private static void awaitReady(Process daemon, Path socket) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (!answers(socket)) {
            if (!daemon.isAlive()) {
                throw new IOException("the shim daemon exited with " + daemon.exitValue() + " before listening on " + socket
                        + " (its output is in containerd's log)");
            }
            if (System.nanoTime() > deadline) {
                daemon.destroyForcibly();
                throw new IOException("the shim daemon did not listen on " + socket + " within " + READY_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(2);
        }
    }

    static boolean answers(Path socket) {
        if (!Files.exists(socket)) {
            return false;
        }
        try (SocketChannel probe = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            probe.connect(UnixDomainSocketAddress.of(socket));
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
