package dev.skiff.runtime.capability;

/**
 * Thrown by a host function when the canonical ABI says the call must trap the guest: a handle
 * it does not own, a discriminant out of range, no {@code cabi_realloc} to return a list with.
 */
public final class GuestTrap extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public GuestTrap(String message) {
        super(message);
    }
}
