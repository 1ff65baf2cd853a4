package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.capability.HostModule;
import java.util.List;

/**
 * The host side of {@code wasi:gpio} for every container of a process (a CLI run, an agent):
 * one backend, one owner per line. Each container gets its own host module from its grants.
 */
public final class GpioHost {
    /** The core-wasm import module of the proposal's {@code digital} interface. */
    public static final String DIGITAL = "wasi:gpio/digital@0.2.0";

    private final GpioBackend backend;
    private final LineOwners owners = new LineOwners();

    public GpioHost(GpioBackend backend) {
        this.backend = backend;
    }

    /**
     * The capabilities {@code grants} give container {@code container}: none without GPIO
     * grants (so its GPIO imports are refused), else {@link #DIGITAL}, whose lease claims the
     * granted lines when the container is admitted.
     */
    public List<HostModule> hostModules(String container, CapabilityGrants grants) {
        if (grants.gpio().isEmpty()) {
            return List.of();
        }
        GpioSession session = new GpioSession(container, grants.gpio(), backend, owners);
        return List.of(new HostModule(DIGITAL, DigitalInterface.functions(session), session));
    }
}
