package dev.skiff.agent.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skiff.agent.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The operator's devices: a JSON file ({@code $SKIFF_HOME/devices.json}), replaced whole at each change. */
public final class DeviceRegistry {
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private record Contents(List<DeviceRecord> devices) {}

    private final Path file;

    public DeviceRegistry(Path file) {
        this.file = file;
    }

    /** The devices, by name. */
    public List<DeviceRecord> list() throws IOException {
        if (!Files.exists(file)) {
            return List.of();
        }
        try {
            return JSON.readValue(file.toFile(), Contents.class).devices().stream().sorted(Comparator.comparing(DeviceRecord::name)).toList();
        } catch (com.fasterxml.jackson.core.JacksonException e) {
            throw new IOException(file + " is damaged (" + e.getOriginalMessage() + "); fix or remove it", e);
        }
    }

    /** @throws IOException naming the known devices when there is none of that name */
    public DeviceRecord find(String name) throws IOException {
        List<DeviceRecord> devices = list();
        return devices.stream().filter(d -> d.name().equals(name)).findFirst().orElseThrow(() -> new IOException("no device named " + name
                + (devices.isEmpty() ? ": none is enrolled yet ('skiff device enroll')"
                        : " (known: " + String.join(", ", devices.stream().map(DeviceRecord::name).toList()) + ")")));
    }

    /** Adds the device, replacing one of the same name (a board enrolled again). */
    public void put(DeviceRecord device) throws IOException {
        List<DeviceRecord> devices = new ArrayList<>(list());
        devices.removeIf(d -> d.name().equals(device.name()));
        devices.add(device);
        AtomicFiles.write(file, JSON.writeValueAsBytes(new Contents(devices)), "rw-------");
    }
}
