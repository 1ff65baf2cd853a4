package dev.skiff.agent.registry;

import java.util.List;

/** A refusal the registry answers with its status and the distribution API's {@code {"errors": [...]}} body. */
final class RegistryException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final RegistryError error;

    RegistryException(RegistryError error, String message) {
        super(message);
        this.error = error;
    }

    RegistryError error() {
        return error;
    }

    /** The body, as the distribution spec shapes it. */
    Body body() {
        return new Body(List.of(new Entry(error.name(), getMessage())));
    }

    record Body(List<Entry> errors) {}

    record Entry(String code, String message) {}
}
