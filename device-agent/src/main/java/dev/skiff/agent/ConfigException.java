package dev.skiff.agent;

import java.util.List;

/** A config file that cannot be used; one line per problem, each {@code FILE:LINE:COLUMN: what}. */
public final class ConfigException extends Exception {
    private static final long serialVersionUID = 1L;

    ConfigException(List<String> problems) {
        super(String.join("\n", problems));
    }
}
