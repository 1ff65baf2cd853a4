package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.runtime.capability.CapabilityLease;
import dev.skiff.runtime.capability.CapabilityUnavailableException;
import dev.skiff.runtime.capability.ExclusiveOwners;
import dev.skiff.runtime.capability.GuestTrap;
import dev.skiff.runtime.capability.poll.Pollables;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * One container's GPIO: its grants, its pin handles, and the lines it owns while it exists.
 * Lines are claimed and set to their initial level at admission; {@code get} only hands out a
 * handle to a granted line. When the container ends every output returns to its shutdown level,
 * a guest blocked in an edge wait gives up, and every later call (from an abandoned guest thread)
 * fails with {@code resource-invalidated}.
 */
final class GpioSession implements CapabilityLease {
    /** A handle's entry; handles of both resource types share one numbering, each checks its type. */
    sealed interface Pin {
        String label();
    }

    record OutPin(String label, GpioLine line, boolean activeLow, WriteRateLimiter limiter) implements Pin {}

    record InPin(String label, GpioLine line, boolean activeLow) implements Pin {}

    /** The guest got the same label again, which (per the proposal) invalidates the older handle. */
    record Invalidated(String label) implements Pin {}

    private final String container;
    private final Map<String, GpioGrant> grants;
    private final GpioBackend backend;
    private final ExclusiveOwners<GpioLine> owners;
    private final Map<String, WriteRateLimiter> limiters = new HashMap<>();
    private final Map<String, InputEdges> edges = new HashMap<>();
    /** Pollables share the pins' handle numbering, so a pin handle is never a valid pollable. */
    private final AtomicInteger nextHandle = new AtomicInteger(1); // 0 is never valid, as in the component model
    private final Pollables pollables = new Pollables(nextHandle::getAndIncrement);
    private final Map<Integer, Pin> pins = new HashMap<>();
    private final Map<String, Integer> handleOfLabel = new HashMap<>();
    private boolean active;

    GpioSession(String container, Map<String, GpioGrant> grants, GpioBackend backend, ExclusiveOwners<GpioLine> owners) {
        this.container = container;
        this.grants = Map.copyOf(grants);
        this.backend = backend;
        this.owners = owners;
    }

    @Override
    public synchronized void acquire() throws CapabilityUnavailableException {
        Map<GpioLine, String> labels = new LinkedHashMap<>();
        grants.forEach((label, grant) -> labels.put(GpioLine.of(grant), label));
        owners.claimAll(labels, this, container, "GPIO line");
        try {
            grants.forEach(this::open);
        } catch (RuntimeException e) { // a backend that cannot open a line (hardware, permissions)
            owners.releaseAll(this);
            throw new CapabilityUnavailableException("cannot open the granted GPIO lines: " + e.getMessage());
        }
        pins.clear();
        handleOfLabel.clear();
        active = true;
    }

    private void open(String label, GpioGrant grant) {
        switch (grant) {
            case GpioGrant.Output o -> {
                backend.openOutput(GpioLine.of(o), o.initial(), o.shutdown());
                if (o.maxWritesPerSecond() != GpioGrant.UNLIMITED) {
                    limiters.put(label, new WriteRateLimiter(o.maxWritesPerSecond()));
                }
            }
            case GpioGrant.Input i -> {
                InputEdges lineEdges = new InputEdges(i, pollables);
                edges.put(label, lineEdges);
                backend.openInput(GpioLine.of(i), lineEdges::changed);
            }
        }
    }

    @Override
    public synchronized void release() {
        if (!active) {
            return;
        }
        active = false;
        pins.clear();
        handleOfLabel.clear();
        limiters.clear();
        edges.clear();
        pollables.close();
        grants.values().forEach(grant -> {
            if (grant instanceof GpioGrant.Output o) {
                backend.write(GpioLine.of(o), o.shutdown());
            }
            backend.close(GpioLine.of(grant));
        });
        owners.releaseAll(this);
    }

    synchronized int getOut(String label, int flagBits) throws GpioFailure {
        GpioGrant.Output grant = grant(label, GpioGrant.Output.class);
        DigitalFlags flags = DigitalFlags.forOutput(flagBits);
        GpioLine line = GpioLine.of(grant);
        flags.initial().ifPresent(state -> backend.write(line, state.level(flags.activeLow())));
        return issue(new OutPin(label, line, flags.activeLow(), limiters.get(label)));
    }

    synchronized int getIn(String label, int flagBits) throws GpioFailure {
        GpioGrant.Input grant = grant(label, GpioGrant.Input.class);
        DigitalFlags flags = DigitalFlags.forInput(flagBits);
        return issue(new InPin(label, GpioLine.of(grant), flags.activeLow()));
    }

    void setState(int handle, PinState state) throws GpioFailure {
        OutPin pin = pin(handle, OutPin.class);
        if (pin.limiter() != null) {
            pin.limiter().await(); // outside the lock: a release must not wait for a throttled guest
        }
        synchronized (this) {
            pin(handle, OutPin.class); // still valid after the wait?
            backend.write(pin.line(), state.level(pin.activeLow()));
        }
    }

    /** A pollable ready from the pin's next {@code edge} (logical: active-low pins are inverted). */
    synchronized int watch(int handle, Edge edge) throws GpioFailure {
        InPin pin = pin(handle, InPin.class);
        return pollables.add(edges.get(pin.label()).watch(edge.physical(pin.activeLow())));
    }

    synchronized PinState read(int handle) throws GpioFailure {
        InPin pin = pin(handle, InPin.class);
        return PinState.of(backend.read(pin.line()), pin.activeLow());
    }

    synchronized void drop(int handle, Class<? extends Pin> type) {
        Pin pin = pins.get(handle);
        if (pin == null && !active) {
            return; // released under the guest: its handles are gone already
        }
        if (pin == null || !(type.isInstance(pin) || pin instanceof Invalidated)) {
            throw new GuestTrap("resource-drop of unknown handle " + handle);
        }
        pins.remove(handle);
        handleOfLabel.remove(pin.label(), handle);
    }

    private <G extends GpioGrant> G grant(String label, Class<G> mode) throws GpioFailure {
        if (!active) {
            throw new GpioFailure(GpioError.RESOURCE_INVALIDATED);
        }
        GpioGrant grant = grants.get(label);
        if (grant == null) {
            throw new GpioFailure(GpioError.PIN_NOT_ALLOWED);
        }
        if (!mode.isInstance(grant)) {
            throw new GpioFailure(GpioError.PIN_MODE_NOT_ALLOWED);
        }
        return mode.cast(grant);
    }

    private int issue(Pin pin) {
        Integer previous = handleOfLabel.get(pin.label());
        if (previous != null) {
            pins.put(previous, new Invalidated(pin.label()));
        }
        int handle = nextHandle.getAndIncrement();
        pins.put(handle, pin);
        handleOfLabel.put(pin.label(), handle);
        return handle;
    }

    Pollables pollables() {
        return pollables;
    }

    private synchronized <P extends Pin> P pin(int handle, Class<P> type) throws GpioFailure {
        Pin pin = pins.get(handle);
        if (!active || pin instanceof Invalidated) {
            throw new GpioFailure(GpioError.RESOURCE_INVALIDATED);
        }
        if (!type.isInstance(pin)) {
            throw new GuestTrap("unknown handle " + handle);
        }
        return type.cast(pin);
    }
}
