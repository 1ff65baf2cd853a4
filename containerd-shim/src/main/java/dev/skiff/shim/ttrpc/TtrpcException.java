package dev.skiff.shim.ttrpc;

/**
 * A failed call, with the gRPC status code containerd maps to its errors (not found, already
 * exists, failed precondition...), so {@code ctr} shows the right kind of error.
 */
public final class TtrpcException extends Exception {
    public static final int INVALID_ARGUMENT = 3;
    public static final int NOT_FOUND = 5;
    public static final int ALREADY_EXISTS = 6;
    public static final int RESOURCE_EXHAUSTED = 8;
    public static final int FAILED_PRECONDITION = 9;
    public static final int UNIMPLEMENTED = 12;
    public static final int INTERNAL = 13;
    public static final int UNAVAILABLE = 14;

    private final int code;

    public TtrpcException(int code, String message) {
        super(message);
        this.code = code;
    }

    public int code() {
        return code;
    }
}
