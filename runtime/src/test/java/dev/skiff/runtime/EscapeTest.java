package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.runtime.engine.ExecutionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * examples/escape tries every way out of a mapped directory we know: {@code ..}, absolute paths,
 * and symlinks planted beforehand to a secret file, to /etc and to an outside directory. The
 * secret must stay unread and nothing may be written outside.
 */
class EscapeTest {
    static final String SECRET = "the-secret-" + System.nanoTime();
    static final Sandbox sandbox = Fixtures.SANDBOX;

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void nothingOutsideTheMappedDirectoryIsReadOrWritten(ExecutionMode mode, @TempDir Path tmp) throws Exception {
        Path data = Files.createDirectory(tmp.resolve("data"));
        Path outside = Files.createDirectory(tmp.resolve("outside"));
        Files.writeString(tmp.resolve("secret.txt"), SECRET + "\n");
        Files.createSymbolicLink(data.resolve("link-to-secret"), tmp.resolve("secret.txt"));
        Files.createSymbolicLink(data.resolve("link-to-etc"), Path.of("/etc"));
        Files.createSymbolicLink(data.resolve("link-to-outside-dir"), outside);
        Files.createDirectory(data.resolve("a"));

        var r = new Fixtures.Run("escape", "/data").mode(mode).mount(data, "/data").run(sandbox);

        assertEquals(0, r.exitCode(), r.state().describe());
        for (String attempt : List.of("dotdot", "dotdot_deep", "absolute", "abs_etc", "symlink_file",
                "symlink_dir", "symlink_dir_list", "write_symlink")) {
            assertTrue(r.stdout().contains(attempt + "=BLOCKED"), attempt + " was not blocked:\n" + r.stdout());
        }
        assertFalse(r.stdout().contains(SECRET));
        assertFalse(r.stdout().contains("root:"), "/etc/passwd leaked");
        try (var written = Files.list(outside)) {
            assertEquals(0, written.count(), "the guest wrote outside its directory");
        }
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void aSymlinkInsideTheDirectoryIsNotFollowedEither(ExecutionMode mode, @TempDir Path tmp) throws Exception {
        // Even a link that points inside today could point outside after a rename; none is followed.
        Path data = Files.createDirectory(tmp.resolve("data"));
        Files.writeString(data.resolve("real.txt"), "inside\n");
        Files.createSymbolicLink(data.resolve("message.txt"), data.resolve("real.txt"));
        var r = new Fixtures.Run("hello").mode(mode).mount(data, "/data").run(sandbox);
        assertEquals(0, r.exitCode());
        assertFalse(r.stdout().contains("message:"), r.stdout());
    }
}
