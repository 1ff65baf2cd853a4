package dev.skiff.cli;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.agent.client.DeviceRegistry;
import dev.skiff.agent.client.OperatorHome;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.nio.file.Path;

/** Where skiff keeps its state: {@code $SKIFF_HOME}, by default {@code ~/.skiff} (shared with the workbench). */
final class SkiffHome {
    private SkiffHome() {}

    static OperatorHome home() {
        return OperatorHome.fromEnvironment();
    }

    static Path dir() {
        return home().dir();
    }

    /** The local image store, an OCI image layout. */
    static ImageStore imageStore() {
        return home().imageStore();
    }

    /** The fleet CA and the operator's client certificate ({@code skiff ca init}). */
    static Path caDir() {
        return home().caDir();
    }

    /** The devices this operator enrolled. */
    static DeviceRegistry devices() {
        return home().devices();
    }

    /** A client for an enrolled device, with the operator's certificate. */
    static AgentClient client(String device) throws IOException {
        return home().client(device);
    }

    static Path compileCache() {
        return home().compileCache();
    }
}
