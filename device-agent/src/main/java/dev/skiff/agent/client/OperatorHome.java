package dev.skiff.agent.client;

import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the operator's tools (CLI and workbench) keep their state: {@code $SKIFF_HOME}, by default
 * {@code ~/.skiff}. Both read the same image store, fleet CA and devices, so what one does the other sees.
 */
public record OperatorHome(Path dir) {
    /** The common name of a fleet CA made without one being given. */
    public static final String DEFAULT_CA_NAME = "skiff fleet CA";

    /** {@code $SKIFF_HOME}, else {@code ~/.skiff}. */
    public static OperatorHome fromEnvironment() {
        String home = System.getenv("SKIFF_HOME");
        return new OperatorHome(home != null && !home.isBlank() ? Path.of(home) : Path.of(System.getProperty("user.home"), ".skiff"));
    }

    /** The local image store, an OCI image layout. */
    public ImageStore imageStore() {
        try {
            return ImageStore.open(dir.resolve("images"));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot open the image store under " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The fleet CA and the operator's client certificate ({@code skiff ca init}). */
    public Path caDir() {
        return dir.resolve("ca");
    }

    /** The fleet CA, made first if there is none yet (the workbench enrolls without a separate step). */
    public FleetCa fleetCaCreatingIfMissing() throws IOException {
        return Files.exists(caDir().resolve("ca.pem")) ? FleetCa.open(caDir()) : FleetCa.init(caDir(), DEFAULT_CA_NAME);
    }

    /** The devices this operator enrolled. */
    public DeviceRegistry devices() {
        return new DeviceRegistry(dir.resolve("devices.json"));
    }

    /** Enrolls the device at {@code address} with the token it printed, and records it among this operator's devices. */
    public DeviceRecord enroll(String address, EnrollmentToken token, String name, FleetCa ca) throws IOException {
        DeviceRecord device = DeviceEnroller.enroll(address, token, name, ca);
        devices().put(device);
        return device;
    }

    /** Enrolls the device whose console is at the far end of a serial line, and records it among this operator's devices. */
    public DeviceRecord provision(SerialProvisioner.Request request, FleetCa ca, ProgressListener progress)
            throws IOException, InterruptedException {
        DeviceRecord device = SerialProvisioner.provision(request, ca, progress);
        devices().put(device);
        return device;
    }

    /** A client for an enrolled device, with the operator's certificate. */
    public AgentClient client(String device) throws IOException {
        return client(devices().find(device));
    }

    public AgentClient client(DeviceRecord device) throws IOException {
        return AgentClient.connect(device, FleetCa.open(caDir()));
    }

    public Path compileCache() {
        return dir.resolve("cache").resolve("compiled");
    }

    /** Persistent app volumes of local runs, {@code volumes/APP/NAME}. */
    public Path volumes() {
        return dir.resolve("volumes");
    }
}
