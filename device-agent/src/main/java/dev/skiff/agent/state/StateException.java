package dev.skiff.agent.state;

import java.sql.SQLException;

/**
 * The state database failed (disk full, corruption, a bug in a query). Unchecked: no caller can
 * recover from it beyond reporting it, and the transaction it happened in was rolled back.
 */
public final class StateException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    StateException(SQLException cause) {
        super("state database: " + cause.getMessage(), cause);
    }

    StateException(String message) {
        super(message);
    }
}
