package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.capability.ExclusiveOwners;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.poll.MonotonicClock;
import dev.skiff.runtime.capability.poll.PollInterface;
import java.util.List;

/**
 * The host side of {@code wasi:gpio} for every container of a process (a CLI run, an agent):
 * one backend, one owner per line. Each container gets its own host module from its grants.
 */
public final class GpioHost {
    /** The core-wasm import module of the proposal's {@code digital} interface. */
    public static final String DIGITAL = "wasi:gpio/digital@0.2.0";
    /** What a GPIO grant links: the pins, and the pollables and clock that edge waits need. */
    public static final List<String> MODULES = List.of(DIGITAL, PollInterface.MODULE, MonotonicClock.MODULE);

    private final GpioBackend backend;
    private final ExclusiveOwners<GpioLine> owners = new ExclusiveOwners<>();

    public GpioHost(GpioBackend backend) {
        this.backend = backend;
    }

    /**
     * The capabilities {@code grants} give container {@code container}: none without GPIO
     * grants (so its GPIO imports are refused), else the {@link #MODULES}: {@link #DIGITAL},
     * whose lease claims the granted lines when the container is admitted, and the
     * {@code wasi:io/poll} and monotonic-clock pieces its edge waits use.
     */
    public List<HostModule> hostModules(String container, CapabilityGrants grants) {
        if (grants.gpio().isEmpty()) {
            return List.of();
        }
        GpioSession session = new GpioSession(container, grants.gpio(), backend, owners);
        return List.of(
                new HostModule(DIGITAL, DigitalInterface.functions(session), session),
                PollInterface.module(session.pollables()),
                MonotonicClock.module(session.pollables()));
    }
}
