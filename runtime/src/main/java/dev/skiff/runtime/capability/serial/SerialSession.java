package dev.skiff.runtime.capability.serial;

import dev.skiff.protocols.manifest.SerialGrant;
import dev.skiff.runtime.capability.CapabilityLease;
import dev.skiff.runtime.capability.CapabilityUnavailableException;
import dev.skiff.runtime.capability.ExclusiveOwners;
import dev.skiff.runtime.capability.GuestTrap;
import java.io.IOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CancellationException;

/**
 * One container's serial ports: its grants, its port handles, and the devices it owns while it
 * exists. Devices are claimed and opened at admission, so a missing device or one owned by
 * another container refuses the deploy; {@code open} hands out a handle to a granted port. When
 * the container ends every device is closed and later calls (from an abandoned guest thread)
 * fail with {@code closed}.
 */
final class SerialSession implements CapabilityLease {
    private final String container;
    private final Map<String, SerialGrant> grants;
    private final SerialBackend backend;
    private final ExclusiveOwners<String> owners;
    /** Open devices by grant name, while the container exists. */
    private final Map<String, SerialConnection> connections = new TreeMap<>();
    /** Grant name by handle. */
    private final Map<Integer, String> handles = new HashMap<>();
    private int nextHandle;
    private boolean active;

    SerialSession(String container, Map<String, SerialGrant> grants, SerialBackend backend, ExclusiveOwners<String> owners) {
        this.container = container;
        this.grants = Map.copyOf(grants);
        this.backend = backend;
        this.owners = owners;
    }

    @Override
    public synchronized void acquire() throws CapabilityUnavailableException {
        Map<String, String> names = new TreeMap<>();
        grants.forEach((name, grant) -> names.put(LocalSerialPorts.device(grant.device()), name));
        owners.claimAll(names, this, container, "serial device");
        for (var grant : new TreeMap<>(grants).entrySet()) {
            try {
                connections.put(grant.getKey(), backend.open(grant.getValue()));
            } catch (IOException e) {
                closeAll();
                throw new CapabilityUnavailableException("cannot open serial port " + grant.getKey() + " ("
                        + grant.getValue().device() + "): " + e.getMessage()
                        + "; check the device, or bind the port to another one (skiff run --serial "
                        + grant.getKey() + "=DEVICE)");
            }
        }
        handles.clear();
        nextHandle = 1; // 0 is never a valid handle, as in the component model
        active = true;
    }

    @Override
    public synchronized void release() {
        if (active) {
            active = false;
            closeAll();
        }
    }

    private void closeAll() {
        handles.clear();
        connections.values().forEach(SerialConnection::close);
        connections.clear();
        owners.releaseAll(this);
    }

    synchronized int open(String name) throws SerialFailure {
        if (!active) {
            throw new SerialFailure(SerialError.CLOSED);
        }
        if (!grants.containsKey(name)) {
            throw new SerialFailure(SerialError.NOT_GRANTED);
        }
        if (handles.containsValue(name)) {
            throw new SerialFailure(SerialError.ALREADY_OPEN);
        }
        int handle = nextHandle++;
        handles.put(handle, name);
        return handle;
    }

    /** Waits outside the lock, so a release (which closes the device) is never held up by a read. */
    byte[] read(int handle, int max, Duration timeout) throws SerialFailure {
        SerialConnection connection = connection(handle);
        try {
            return connection.read(max, timeout);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("serial read interrupted: the container is stopping");
        } catch (IOException e) {
            throw failure();
        }
    }

    void write(int handle, byte[] bytes) throws SerialFailure {
        SerialConnection connection = connection(handle);
        try {
            connection.write(bytes);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("serial write interrupted: the container is stopping");
        } catch (IOException e) {
            throw failure();
        }
    }

    synchronized void drop(int handle) {
        if (handles.remove(handle) == null && active) {
            throw new GuestTrap("resource-drop of unknown serial port handle " + handle);
        }
    }

    private synchronized SerialConnection connection(int handle) throws SerialFailure {
        if (!active) {
            throw new SerialFailure(SerialError.CLOSED);
        }
        String name = handles.get(handle);
        if (name == null) {
            throw new GuestTrap("unknown serial port handle " + handle);
        }
        return connections.get(name);
    }

    /** An I/O error on a device the release just closed is the release, not a fault. */
    private synchronized SerialFailure failure() {
        return new SerialFailure(active ? SerialError.IO : SerialError.CLOSED);
    }
}
