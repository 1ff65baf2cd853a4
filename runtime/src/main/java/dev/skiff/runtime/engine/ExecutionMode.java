package dev.skiff.runtime.engine;

/** How guest code executes: JVM bytecode compiled from the module, or the interpreter. */
public enum ExecutionMode {
    COMPILED,
    INTERPRETED
}
