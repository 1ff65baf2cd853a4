package dev.skiff.agent.deploy;

/** A release cannot be started: its image is missing or damaged, its module invalid, a volume uncreatable. */
final class LaunchException extends Exception {
    private static final long serialVersionUID = 1L;

    LaunchException(String message, Throwable cause) {
        super(message, cause);
    }
}
