package dev.skiff.runtime.engine;

/** A module ready to instantiate; instances of one compiled module share its code. */
public interface CompiledModule {

    LoadedModule module();

    ExecutionMode mode();

    /** Whether the compiled code came from the compile cache. */
    boolean fromCache();
}
