package dev.skiff.shim;

import dev.skiff.runtime.Versions;
import dev.skiff.shim.oci.BundleException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code containerd-shim-skiff-v1}: the containerd runtime v2 shim that runs Skiff (wasm) images,
 * selected with {@code --runtime io.containerd.skiff.v1} or a Kubernetes RuntimeClass.
 */
public final class ShimMain {
    private ShimMain() {}

    public static void main(String[] args) {
        ShimFlags flags;
        try {
            flags = ShimFlags.parse(List.of(args));
        } catch (IllegalArgumentException e) {
            System.err.println("containerd-shim-skiff-v1: " + e.getMessage());
            System.exit(2);
            return;
        }
        try {
            if (flags.version()) {
                System.out.println("containerd-shim-skiff-v1 (Skiff " + Versions.skiff() + ", Chicory " + Versions.chicory() + ")");
                return;
            }
            Path cwd = Path.of("").toAbsolutePath();
            switch (flags.action()) {
                case "start" -> System.out.print(ShimStarter.start(flags, cwd));
                case "delete" -> {
                    System.out.write(ShimCleanup.delete(flags.bundle().isEmpty() ? cwd : Path.of(flags.bundle())));
                    System.out.flush();
                }
                case "serve" -> ShimDaemon.serve(flags);
                default -> throw new IllegalStateException(flags.action());
            }
        } catch (IOException | BundleException | IllegalArgumentException e) {
            System.err.println("containerd-shim-skiff-v1 " + flags.action() + ": " + e.getMessage());
            System.exit(1);
        } catch (InterruptedException e) {
            System.exit(1);
        }
        System.exit(0);
    }
}
