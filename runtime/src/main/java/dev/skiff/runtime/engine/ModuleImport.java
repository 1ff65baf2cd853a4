package dev.skiff.runtime.engine;

/** One import of a module, e.g. {@code wasi_snapshot_preview1.fd_write (function)}. */
public record ModuleImport(String module, String name, Kind kind) {
    public enum Kind {
        FUNCTION,
        MEMORY,
        TABLE,
        GLOBAL,
        TAG
    }

    @Override
    public String toString() {
        return module + "." + name + " (" + kind.name().toLowerCase(java.util.Locale.ROOT) + ")";
    }
}
