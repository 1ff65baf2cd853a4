package dev.skiff.agent.client;

import java.io.IOException;

/** An error answer of an agent; the message is the agent's, prefixed with the device. */
public final class AgentApiException extends IOException {
    private static final long serialVersionUID = 1L;
    private final int status;

    AgentApiException(int status, String message) {
        super(message);
        this.status = status;
    }

    /** The HTTP status: 401 unauthenticated, 403 refused, 404 no such app, 409 conflict, … */
    public int status() {
        return status;
    }
}
