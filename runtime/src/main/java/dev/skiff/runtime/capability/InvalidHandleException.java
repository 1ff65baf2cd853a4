package dev.skiff.runtime.capability;

/**
 * A guest passed a handle or enum value that the canonical ABI says must trap: a handle it does
 * not own (or of another resource type), or a discriminant out of range.
 */
public final class InvalidHandleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public InvalidHandleException(String message) {
        super(message);
    }
}
