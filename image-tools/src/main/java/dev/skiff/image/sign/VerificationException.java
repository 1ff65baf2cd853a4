package dev.skiff.image.sign;

import java.security.GeneralSecurityException;

/** An image that does not verify, with the {@link Problem} so callers (trust policy) can tell unsigned from forged. */
public final class VerificationException extends GeneralSecurityException {
    /** What is wrong, most severe first: when no signature of a digest verifies, the most severe is reported. */
    public enum Problem {
        /** The payload no longer matches the signature its own key made. */
        ALTERED,
        /** A valid signature of another digest was placed under this one's tag. */
        MOVED,
        /** The signature layer or its payload is not what cosign writes. */
        MALFORMED,
        /** The signature does not verify and names no key: wrong key or altered payload. */
        UNVERIFIABLE,
        /** Signed, but by another key. */
        WRONG_KEY,
        /** No signature at all. */
        UNSIGNED
    }

    private final Problem problem;

    public VerificationException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
