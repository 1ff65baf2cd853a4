package dev.skiff.shim;

import dev.skiff.shim.oci.BundleException;
import dev.skiff.shim.oci.BundleSpec;
import dev.skiff.shim.oci.Rootfs;
import dev.skiff.shim.proto.TaskApi;
import dev.skiff.shim.proto.Timestamp;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/**
 * The {@code delete} action, which containerd runs when a task's shim died: removes the socket a
 * killed daemon left, unmounts the rootfs it may have left mounted, and reports the task as killed (137, as DESIGN §5 says for a
 * container the engine lost), as a {@code DeleteResponse} on stdout.
 */
final class ShimCleanup {
    static final int LOST_EXIT_STATUS = 128 + 9;

    private ShimCleanup() {}

    static byte[] delete(Path bundle) throws IOException, BundleException {
        Path address = bundle.resolve("address");
        if (Files.exists(address)) {
            Path socket = Path.of(Files.readString(address).strip().replaceFirst("^unix://", ""));
            if (!ShimStarter.answers(socket)) { // a daemon killed outright left its socket behind
                Files.deleteIfExists(socket);
                Files.deleteIfExists(ShimStarter.lockOf(socket));
            }
        }
        String rootPath = Files.exists(bundle.resolve("config.json")) ? BundleSpec.read(bundle).rootPath() : "rootfs";
        Path rootfs = bundle.resolve(rootPath).normalize();
        if (isMountPoint(rootfs)) {
            new Rootfs(rootfs, List.of(rootfs)).release();
        }
        return TaskApi.deleteResponse(0, LOST_EXIT_STATUS, Timestamp.of(Instant.now()));
    }

    private static boolean isMountPoint(Path dir) throws IOException {
        // mountinfo's fifth field is the mount point (with spaces escaped as \040)
        String escaped = dir.toString().replace(" ", "\\040");
        return Files.readAllLines(Path.of("/proc/self/mountinfo")).stream()
                .map(line -> line.split(" "))
                .anyMatch(fields -> fields.length > 4 && fields[4].equals(escaped));
    }
}
