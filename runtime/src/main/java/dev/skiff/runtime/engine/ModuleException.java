package dev.skiff.runtime.engine;

/** A module that cannot be loaded, compiled or linked; the message says why in user terms. */
public final class ModuleException extends Exception {
    private static final long serialVersionUID = 1L;

    public ModuleException(String message) {
        super(message);
    }

    public ModuleException(String message, Throwable cause) {
        super(message, cause);
    }
}
