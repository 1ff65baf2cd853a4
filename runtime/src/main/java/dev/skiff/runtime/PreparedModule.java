package dev.skiff.runtime;

import dev.skiff.runtime.engine.CompiledModule;
import dev.skiff.runtime.engine.LoadedModule;
import java.time.Duration;

/**
 * A module parsed, validated and compiled, ready to start any number of containers.
 *
 * @param parseTime time spent parsing and validating (zero when reused from memory)
 * @param compileTime time spent compiling or loading from the compile cache
 */
public record PreparedModule(
        CompiledModule compiled, Duration parseTime, Duration compileTime, Source source) {

    /** Where the executable code came from. */
    public enum Source {
        /** Compiled now and written to the compile cache. */
        COMPILED,
        /** Loaded from the disk compile cache. */
        DISK_CACHE,
        /** Already prepared earlier in this process. */
        MEMORY,
        /** Runs in the interpreter; nothing compiled. */
        INTERPRETER
    }

    public LoadedModule module() {
        return compiled.module();
    }

    public String digest() {
        return compiled.module().digest();
    }
}
