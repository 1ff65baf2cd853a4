package dev.skiff.fleet;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The operator's fleet configuration: the broker the devices report to ({@code --broker}, else
 * {@code SKIFF_FLEET_BROKER}) and the rollout database ({@code $SKIFF_HOME/fleet/fleet.db}).
 */
public record FleetSettings(String broker, Path database) {
    public static final String BROKER_VARIABLE = "SKIFF_FLEET_BROKER";

    /** @param brokerOption the {@code --broker} value, or null */
    public static FleetSettings resolve(Path skiffHome, String brokerOption) {
        String broker = brokerOption != null ? brokerOption : System.getenv(BROKER_VARIABLE);
        return new FleetSettings(broker, skiffHome.resolve("fleet").resolve("fleet.db"));
    }

    /** Whether a rollout was ever started from this home: listing rollouts need not create the database. */
    public boolean hasDatabase() {
        return Files.exists(database);
    }

    /** @throws IllegalArgumentException saying how to name one, when there is no broker */
    public String requireBroker() {
        if (broker == null || broker.isBlank()) {
            throw new IllegalArgumentException("no fleet broker: pass --broker tcp://HOST:1883 or set " + BROKER_VARIABLE);
        }
        return broker;
    }
}
