package dev.skiff.runtime.engine;

/**
 * The seam between Skiff and a WebAssembly engine: load, compile, instantiate, run, interrupt.
 *
 * <p>Everything outside {@code engine.<impl>} packages is engine-agnostic, so moving from Chicory to
 * its successor (or another engine) means writing one implementation of this interface.
 * Implementations must be thread-safe: one engine serves every container of a runtime.
 */
public interface WasmEngine {

    /** Name and version, e.g. {@code chicory-1.7.5}; part of the compile-cache key. */
    String version();

    /** Names of the {@code wasi_snapshot_preview1} functions instances are linked with. */
    java.util.Set<String> wasiFunctions();

    /** Parses and validates a module. */
    LoadedModule load(byte[] wasm) throws ModuleException;

    /**
     * Prepares a module for execution: compiles it to JVM code (consulting {@code cache}), or
     * prepares the interpreter when {@code mode} asks for it.
     */
    CompiledModule compile(LoadedModule module, ExecutionMode mode, CompileCache cache)
            throws ModuleException;

    /**
     * Links imports and creates an instance. Runs no guest code: the start function and
     * {@code _start} are only invoked by {@link GuestInstance#run()}.
     */
    GuestInstance instantiate(CompiledModule module, GuestEnvironment environment)
            throws ModuleException;
}
