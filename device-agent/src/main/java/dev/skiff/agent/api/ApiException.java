package dev.skiff.agent.api;

/** A request the API answers with {@code status} and {@code {"error": message}}. */
final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;

    ApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    int status() {
        return status;
    }
}
