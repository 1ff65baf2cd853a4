package dev.skiff.runtime.wasi;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * Decides whether a guest path may be handed to the host file system.
 *
 * <p>Chicory's WASI rejects {@code ..} and absolute paths lexically but lets the host follow
 * symlinks, so a symlink already inside a mapped directory leads anywhere on the host. Skiff
 * contains that by never following a symlink on the guest's behalf: a path whose walk would pass
 * through one is refused, whatever the link points at. Checks happen at every access, so renames
 * made by the guest cannot turn an inside link into an outside one.
 */
public final class PathGuard {
    private PathGuard() {}

    /**
     * True when resolving {@code rawPath} below {@code dir} would cross a symlink: any
     * intermediate component, or the last one when {@code followLast} is set.
     */
    public static boolean crossesSymlink(Path dir, String rawPath, boolean followLast) {
        Path relative;
        try {
            relative = dir.getFileSystem().getPath(rawPath).normalize();
        } catch (InvalidPathException e) {
            return false; // the WASI layer rejects it on its own
        }
        if (relative.isAbsolute() || relative.startsWith("..")) {
            return false; // rejected lexically by the WASI layer
        }
        Path current = dir;
        int count = relative.getNameCount();
        for (int i = 0; i < count; i++) {
            String part = relative.getName(i).toString();
            if (part.isEmpty()) {
                continue;
            }
            current = current.resolve(part);
            boolean last = i == count - 1;
            if ((!last || followLast) && Files.isSymbolicLink(current)) {
                return true;
            }
        }
        return false;
    }
}
