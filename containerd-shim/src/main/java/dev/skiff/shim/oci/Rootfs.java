package dev.skiff.shim.oci;

import dev.skiff.shim.proto.TaskApi;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A container's root filesystem as a host directory the guest sees as {@code /}. A single
 * writable bind mount (containerd's native snapshotter) is used where it lies, with nothing to
 * mount; other mounts (overlay, read-only binds, whose "ro" only the kernel can enforce) are
 * mounted onto the bundle's rootfs with {@code mount(8)} and unmounted by
 * {@link #release()}; no mounts means the bundle's own rootfs directory.
 *
 * @param mounted the mount points to undo, innermost last
 */
public record Rootfs(Path dir, List<Path> mounted) {

    public static Rootfs prepare(Path bundle, String rootPath, List<TaskApi.Mount> mounts) throws BundleException {
        Path target = bundle.resolve(rootPath).normalize();
        if (mounts.isEmpty()) {
            return new Rootfs(target, List.of());
        }
        TaskApi.Mount first = mounts.getFirst();
        if (mounts.size() == 1 && first.type().equals("bind") && !first.options().contains("ro")) {
            return new Rootfs(Path.of(first.source()), List.of());
        }
        List<Path> done = new ArrayList<>();
        try {
            Files.createDirectories(target);
            for (TaskApi.Mount m : mounts) {
                List<String> command = new ArrayList<>(List.of("mount", "-t", m.type()));
                if (!m.options().isEmpty()) {
                    command.addAll(List.of("-o", String.join(",", m.options())));
                }
                command.addAll(List.of(m.source(), target.toString()));
                run(command);
                done.add(target);
            }
        } catch (BundleException e) {
            new Rootfs(target, done).release();
            throw e;
        } catch (IOException e) {
            new Rootfs(target, done).release();
            throw new BundleException("cannot prepare the root filesystem at " + target + ": " + e.getMessage());
        }
        return new Rootfs(target, List.copyOf(done));
    }

    /** Unmounts what {@link #prepare} mounted, innermost first. */
    public void release() throws BundleException {
        for (Path point : mounted.reversed()) {
            run(List.of("umount", point.toString()));
        }
    }

    private static void run(List<String> command) throws BundleException {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(p.getInputStream().readAllBytes()).strip();
            if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new BundleException(String.join(" ", command) + " failed: " + output);
            }
        } catch (IOException e) {
            throw new BundleException(String.join(" ", command) + " could not run: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new BundleException(String.join(" ", command) + " was interrupted");
        }
    }
}
