package dev.skiff.runtime.capability.gpio;

/**
 * A guest passed a handle or enum value that the canonical ABI says must trap: a handle it does
 * not own (or of another resource type), or a discriminant out of range.
 */
final class InvalidHandleException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidHandleException(String message) {
        super(message);
    }
}
