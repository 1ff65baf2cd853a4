package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.runtime.WasmFunctionHandle;
import dev.skiff.runtime.wasi.PathGuard;
import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.StandardCopyOption;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Chicory's WASI preview1 functions with Skiff's boundaries added in front: no symlink is ever
 * followed (see {@link PathGuard}), symlinks cannot be created, and the number of open
 * descriptors is capped so a guest cannot exhaust the host's.
 *
 * <p>Chicory keeps its descriptor table private, so this class mirrors the part it needs: which
 * descriptors are directories (and where they are on the host) and how many are open. A guest
 * runs on one thread, so the mirror cannot race with the calls it follows.
 */
final class HardenedWasi {
    private static final int ERRNO_ACCES = 2;
    private static final int ERRNO_IO = 29;
    private static final int ERRNO_ISDIR = 31;
    private static final int ERRNO_MFILE = 33;
    private static final int ERRNO_NOENT = 44;
    private static final int ERRNO_NOTEMPTY = 55;
    private static final int ERRNO_NOTSUP = 58;
    private static final int ERRNO_NOTCAPABLE = 76;
    private static final int LOOKUP_SYMLINK_FOLLOW = 1;

    /** Where a path-taking function keeps its directory fd, path and lookup flags. */
    private record PathArgs(int fd, int ptr, int len, int flags) {
        static final int NO_FOLLOW = -1;
    }

    private static final PathArgs PATH_OPEN = new PathArgs(0, 2, 3, 1);
    private static final int PATH_OPEN_FD_PTR = 8;

    private static final Map<String, List<PathArgs>> PATH_FUNCTIONS =
            Map.of(
                    "path_open", List.of(PATH_OPEN),
                    "path_filestat_get", List.of(new PathArgs(0, 2, 3, 1)),
                    "path_filestat_set_times", List.of(new PathArgs(0, 2, 3, 1)),
                    "path_create_directory", List.of(new PathArgs(0, 1, 2, PathArgs.NO_FOLLOW)),
                    "path_remove_directory", List.of(new PathArgs(0, 1, 2, PathArgs.NO_FOLLOW)),
                    "path_unlink_file", List.of(new PathArgs(0, 1, 2, PathArgs.NO_FOLLOW)),
                    "path_readlink", List.of(new PathArgs(0, 1, 2, PathArgs.NO_FOLLOW)),
                    "path_rename",
                    List.of(
                            new PathArgs(0, 1, 2, PathArgs.NO_FOLLOW),
                            new PathArgs(3, 4, 5, PathArgs.NO_FOLLOW)),
                    "path_link",
                    List.of(
                            new PathArgs(0, 2, 3, 1),
                            new PathArgs(4, 5, 6, PathArgs.NO_FOLLOW)));

    private final Map<Integer, Path> directories = new HashMap<>();
    private final SafePoint safePoint;
    private final int maxOpenFiles;
    private int openFiles;

    /**
     * @param preopens host directories in preopen order (fd 3, 4, ...), already real paths
     */
    HardenedWasi(List<Path> preopens, int maxOpenFiles, SafePoint safePoint) {
        this.maxOpenFiles = maxOpenFiles;
        this.safePoint = safePoint;
        for (int i = 0; i < preopens.size(); i++) {
            directories.put(3 + i, preopens.get(i));
        }
        this.openFiles = 3 + preopens.size();
    }

    List<HostFunction> wrap(HostFunction[] functions) {
        List<HostFunction> wrapped = new ArrayList<>(functions.length);
        for (HostFunction function : functions) {
            wrapped.add(
                    new HostFunction(
                            function.module(),
                            function.name(),
                            function.functionType(),
                            guard(function.name(), function.handle())));
        }
        return wrapped;
    }

    private WasmFunctionHandle guard(String name, WasmFunctionHandle original) {
        if (name.equals("poll_oneoff")) {
            return (instance, args) -> {
                safePoint.reached(instance);
                return original.apply(instance, args);
            };
        }
        if (name.equals("path_symlink")) {
            return (instance, args) -> errno(ERRNO_NOTSUP);
        }
        if (name.equals("path_rename")) {
            return (instance, args) -> rename(instance, args, original);
        }
        if (name.equals("fd_close")) {
            return (instance, args) -> afterClose(original.apply(instance, args), (int) args[0]);
        }
        if (name.equals("fd_renumber")) {
            return (instance, args) ->
                    afterRenumber(original.apply(instance, args), (int) args[0], (int) args[1]);
        }
        List<PathArgs> paths = PATH_FUNCTIONS.get(name);
        if (paths == null) {
            return original;
        }
        boolean open = name.equals("path_open");
        return (instance, args) -> {
            Memory memory = instance.memory();
            for (PathArgs p : paths) {
                if (escapes(memory, args, p)) {
                    return errno(ERRNO_NOTCAPABLE);
                }
            }
            if (!open) {
                return original.apply(instance, args);
            }
            if (openFiles >= maxOpenFiles) {
                return errno(ERRNO_MFILE);
            }
            long[] result = original.apply(instance, args);
            if (result[0] == 0) {
                afterOpen(memory, args);
            }
            return result;
        };
    }

    /**
     * Chicory 1.7.5 asks the JDK for an atomic move with COPY_ATTRIBUTES, which Linux refuses, so
     * every rename failed with ENOTSUP; renames between known directories are done here instead.
     */
    private long[] rename(Instance instance, long[] args, WasmFunctionHandle original) {
        Memory memory = instance.memory();
        for (PathArgs p : PATH_FUNCTIONS.get("path_rename")) {
            if (escapes(memory, args, p)) {
                return errno(ERRNO_NOTCAPABLE);
            }
        }
        Path fromDir = directories.get((int) args[0]);
        Path toDir = directories.get((int) args[3]);
        if (fromDir == null || toDir == null) {
            return original.apply(instance, args); // EBADF / ENOTDIR from WASI
        }
        Path from = inside(fromDir, readPath(memory, args, PATH_FUNCTIONS.get("path_rename").get(0)));
        Path to = inside(toDir, readPath(memory, args, PATH_FUNCTIONS.get("path_rename").get(1)));
        if (from == null || to == null) {
            return errno(ERRNO_ACCES);
        }
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return errno(0);
        } catch (NoSuchFileException e) {
            return errno(ERRNO_NOENT);
        } catch (DirectoryNotEmptyException e) {
            return errno(ERRNO_NOTEMPTY);
        } catch (FileSystemException e) {
            return errno(Files.isDirectory(to, LinkOption.NOFOLLOW_LINKS) ? ERRNO_ISDIR : ERRNO_IO);
        } catch (IOException e) {
            return errno(ERRNO_IO);
        }
    }

    /** {@code dir}/{@code raw} when it stays lexically inside {@code dir}, else null. */
    private static Path inside(Path dir, String raw) {
        try {
            Path relative = dir.getFileSystem().getPath(raw).normalize();
            if (relative.isAbsolute() || relative.startsWith("..")) {
                return null;
            }
            return dir.resolve(relative);
        } catch (InvalidPathException e) {
            return null;
        }
    }

    private boolean escapes(Memory memory, long[] args, PathArgs p) {
        Path dir = directories.get((int) args[p.fd()]);
        if (dir == null) {
            return false; // not a directory descriptor: WASI answers EBADF/ENOTDIR itself
        }
        String raw = readPath(memory, args, p);
        boolean follow =
                p.flags() != PathArgs.NO_FOLLOW
                        && (args[p.flags()] & LOOKUP_SYMLINK_FOLLOW) != 0;
        return PathGuard.crossesSymlink(dir, raw, follow);
    }

    private void afterOpen(Memory memory, long[] args) {
        openFiles++;
        int fd = memory.readInt((int) args[PATH_OPEN_FD_PTR]);
        Path dir = directories.get((int) args[PATH_OPEN.fd()]);
        if (dir == null) {
            return;
        }
        Path opened = inside(dir, readPath(memory, args, PATH_OPEN));
        if (opened != null && Files.isDirectory(opened, LinkOption.NOFOLLOW_LINKS)) {
            directories.put(fd, opened);
        }
    }

    private long[] afterClose(long[] result, int fd) {
        if (result[0] == 0) {
            openFiles--;
            directories.remove(fd);
        }
        return result;
    }

    private long[] afterRenumber(long[] result, int from, int to) {
        if (result[0] == 0) {
            openFiles--;
            Path moved = directories.remove(from);
            if (moved != null) {
                directories.put(to, moved);
            } else {
                directories.remove(to);
            }
        }
        return result;
    }

    private static String readPath(Memory memory, long[] args, PathArgs p) {
        return new String(
                memory.readBytes((int) args[p.ptr()], (int) args[p.len()]),
                StandardCharsets.UTF_8);
    }

    private static long[] errno(int code) {
        return new long[] {code};
    }
}
