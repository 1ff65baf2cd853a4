package dev.skiff.cli;

import java.nio.file.Path;

/** Where skiff keeps its state: {@code $SKIFF_HOME}, by default {@code ~/.skiff}. */
final class SkiffHome {
    private SkiffHome() {}

    static Path dir() {
        String home = System.getenv("SKIFF_HOME");
        return home != null && !home.isBlank()
                ? Path.of(home)
                : Path.of(System.getProperty("user.home"), ".skiff");
    }

    /** The local image store, an OCI image layout. */
    static dev.skiff.image.store.ImageStore imageStore() {
        try {
            return dev.skiff.image.store.ImageStore.open(dir().resolve("images"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("cannot open the image store under " + dir() + ": " + e.getMessage(), e);
        }
    }

    /** The fleet CA and the operator's client certificate ({@code skiff ca init}). */
    static Path caDir() {
        return dir().resolve("ca");
    }

    /** The devices this operator enrolled. */
    static dev.skiff.agent.client.DeviceRegistry devices() {
        return new dev.skiff.agent.client.DeviceRegistry(dir().resolve("devices.json"));
    }

    /** A client for an enrolled device, with the operator's certificate. */
    static dev.skiff.agent.client.AgentClient client(String device) throws java.io.IOException {
        return dev.skiff.agent.client.AgentClient.connect(devices().find(device), dev.skiff.agent.pki.FleetCa.open(caDir()));
    }

    static Path compileCache() {
        return dir().resolve("cache").resolve("compiled");
    }
}
