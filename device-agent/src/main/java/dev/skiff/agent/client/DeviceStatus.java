package dev.skiff.agent.client;

import dev.skiff.protocols.api.ContainerInfo;
import dev.skiff.protocols.api.DeviceInfo;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * What an enrolled device said about itself just now, or why it could not be asked: the
 * workbench's device list. A device that does not answer is offline, not an error.
 *
 * @param problem why the device is offline; empty when it answered
 */
public record DeviceStatus(DeviceRecord device, Optional<DeviceInfo> info, List<ContainerInfo> apps, Optional<String> problem) {
    public DeviceStatus {
        apps = List.copyOf(apps);
    }

    public boolean online() {
        return info.isPresent();
    }

    /** Asks the device (info and apps) over the operator's mTLS client. */
    public static DeviceStatus probe(OperatorHome home, DeviceRecord device) {
        try {
            AgentClient client = home.client(device);
            return new DeviceStatus(device, Optional.of(client.info()), client.ps(), Optional.empty());
        } catch (IOException e) {
            return new DeviceStatus(device, Optional.empty(), List.of(), Optional.of(e.getMessage()));
        }
    }

    /** Containers in state running. */
    public long running() {
        return apps.stream().filter(c -> c.state().equals("running")).count();
    }
}
