package dev.skiff.runtime.capability;

/** A resource a container was granted is held by another container, or this host has none. */
public final class CapabilityUnavailableException extends Exception {
    private static final long serialVersionUID = 1L;

    public CapabilityUnavailableException(String message) {
        super(message);
    }
}
