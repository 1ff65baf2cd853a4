package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.runtime.wasi.PathGuard;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PathGuardTest {

    @Test
    void symlinksAnywhereOnThePathAreCaught(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("a/b"));
        Files.createSymbolicLink(dir.resolve("a/link"), Path.of("/etc"));
        assertFalse(PathGuard.crossesSymlink(dir, "a/b/file", true));
        assertTrue(PathGuard.crossesSymlink(dir, "a/link/passwd", false), "intermediate link");
        assertTrue(PathGuard.crossesSymlink(dir, "a/link", true), "followed final link");
        assertFalse(PathGuard.crossesSymlink(dir, "a/link", false), "the link itself may be unlinked or stat'ed");
        assertTrue(PathGuard.crossesSymlink(dir, "a/b/../link/x", false), "normalised before the walk");
        assertFalse(PathGuard.crossesSymlink(dir, "missing/deeper", true), "absent paths are the file system's business");
    }
}
