package dev.skiff.runtime.capability.serial;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.capability.ExclusiveOwners;
import dev.skiff.runtime.capability.HostModule;
import java.util.List;
import java.util.Map;

/**
 * The host side of {@code skiff:serial/port@0.1.0} for every container of a process (a CLI run,
 * an agent): one backend, one owner per device. Each container gets its own host module from its
 * grants.
 */
public final class SerialHost {
    /** The core-wasm import module. */
    public static final String PORT = "skiff:serial/port@0.1.0";

    private final SerialBackend backend;
    private final ExclusiveOwners<String> owners = new ExclusiveOwners<>();

    public SerialHost(SerialBackend backend) {
        this.backend = backend;
    }

    /**
     * The capabilities {@code grants} give container {@code container}: none without serial
     * grants (so its serial imports are refused), else {@link #PORT}, whose lease claims and
     * opens the granted devices when the container is admitted.
     */
    public List<HostModule> hostModules(String container, CapabilityGrants grants) {
        if (grants.serial().isEmpty()) {
            return List.of();
        }
        SerialSession session = new SerialSession(container, grants.serial(), backend, owners);
        return List.of(new HostModule(PORT, PortInterface.functions(session), session));
    }

    /** Each device a container holds now, with that container's name. */
    public Map<String, String> holders() {
        return owners.holders();
    }
}
