package dev.skiff.agent.supervisor;

import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.serial.SerialBackend;
import dev.skiff.runtime.capability.serial.SerialHost;
import java.util.List;

/**
 * The device's peripherals as capabilities, shared by every container the agent runs, so a
 * device has one owner across them. Each release's container gets host modules for its grants.
 */
public final class AgentCapabilities {
    private final SerialHost serial;

    public AgentCapabilities(SerialBackend serialPorts) {
        this.serial = new SerialHost(serialPorts);
    }

    /** Host modules for a release's grants; reused by its restarts, whose leases are taken afresh. */
    List<HostModule> hostModules(String container, CapabilityGrants grants) {
        return serial.hostModules(container, grants);
    }
}
