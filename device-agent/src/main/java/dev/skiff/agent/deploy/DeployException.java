package dev.skiff.agent.deploy;

/** A deploy, rollback or start that could not begin; the message says why. What ran before keeps running. */
public final class DeployException extends Exception {
    private static final long serialVersionUID = 1L;

    DeployException(String message, Throwable cause) {
        super(message, cause);
    }
}
