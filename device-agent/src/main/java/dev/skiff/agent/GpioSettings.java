package dev.skiff.agent;

import dev.skiff.protocols.manifest.BoardProfile;
import java.util.Locale;
import java.util.Optional;

/**
 * The {@code gpio:} section of the agent's config: which backend GPIO grants are linked to, and
 * which board the device is (for header names in deploy-time grant overrides).
 */
public record GpioSettings(Backend backend, Optional<BoardProfile> board) {
    /** No GPIO: apps with GPIO grants are refused. */
    public static final GpioSettings NONE = new GpioSettings(Backend.NONE, Optional.empty());

    public enum Backend {
        /** No GPIO on this device. */
        NONE,
        /** A simulated board, observable and drivable through the agent API. */
        SIM,
        /** The device's GPIO through Pi4J's gpiod provider. */
        PI4J;

        public String yaml() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** @throws IllegalArgumentException naming the known backends */
        static Backend of(String name) {
            for (Backend backend : values()) {
                if (backend.yaml().equals(name)) {
                    return backend;
                }
            }
            throw new IllegalArgumentException("'" + name + "' is not one of none, sim, pi4j");
        }
    }
}
