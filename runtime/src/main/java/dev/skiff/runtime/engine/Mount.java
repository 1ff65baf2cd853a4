package dev.skiff.runtime.engine;

import java.nio.file.Path;

/** A host directory the guest sees at {@code guestPath} (a WASI preopen). */
public record Mount(Path hostDir, String guestPath) {

    public Mount {
        hostDir = hostDir.toAbsolutePath().normalize();
        if (!guestPath.startsWith("/")) {
            guestPath = "/" + guestPath;
        }
    }

    /**
     * Parses {@code HOST[:GUEST]}; GUEST defaults to {@code /} + the host directory's name.
     */
    public static Mount parse(String spec) {
        int colon = spec.lastIndexOf(':');
        String host = colon < 0 ? spec : spec.substring(0, colon);
        Path hostDir = Path.of(host).toAbsolutePath().normalize();
        if (colon >= 0) {
            return new Mount(hostDir, spec.substring(colon + 1));
        }
        Path name = hostDir.getFileName();
        return new Mount(hostDir, name == null ? "/" : "/" + name);
    }
}
