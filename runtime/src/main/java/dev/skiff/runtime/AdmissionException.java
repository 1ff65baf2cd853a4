package dev.skiff.runtime;

/** A container refused before any guest code runs; the message says why and what to change. */
public final class AdmissionException extends Exception {
    private static final long serialVersionUID = 1L;

    public AdmissionException(String message) {
        super(message);
    }
}
