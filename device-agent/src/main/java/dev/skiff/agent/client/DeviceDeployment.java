package dev.skiff.agent.client;

import dev.skiff.agent.content.ContentStore;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageStore;
import dev.skiff.protocols.api.PullResponse;
import dev.skiff.protocols.api.ReleaseInfo;
import dev.skiff.protocols.api.RunResult;
import dev.skiff.protocols.manifest.GrantOverrides;
import java.io.IOException;
import java.util.List;
import java.util.Optional;

/**
 * Deploys (or runs once) an image on an enrolled device, as {@code skiff deploy}, {@code skiff run --device} and the workbench do: the image
 * is pinned to the operator's local digest when the operator has it, and the device pulls it first
 * when asked to or when the operator does not have it (unless it names the device's own pushed
 * images, {@code localhost/…}).
 */
public record DeviceDeployment(ImageStore localStore, AgentClient device) {

    /** What happened: the pull (if the device pulled), the app deployed to, and the release it made. */
    public record Outcome(Optional<PullResponse> pulled, String app, ReleaseInfo release) {
        public boolean running() {
            return release.state().equals("ACTIVE");
        }
    }

    /** @param app the app to deploy to, or null for the image's repository name */
    public Outcome deploy(Reference reference, String app, boolean pull) throws IOException {
        return deploy(reference, app, pull, GrantOverrides.NONE);
    }

    /**
     * @param app the app to deploy to, or null for the image's repository name
     * @param overrides the app's grants bound to the device's hardware (GPIO lines, serial devices)
     */
    public Outcome deploy(Reference reference, String app, boolean pull, GrantOverrides overrides) throws IOException {
        Delivered delivered = deliver(reference, pull);
        String appName = app != null ? app : reference.shortName();
        return new Outcome(delivered.pulled(), appName, device.deploy(appName, delivered.image().toString(), overrides));
    }

    /** What a run made the device pull (if anything) and how the run ended. */
    public record RunOutcome(Optional<PullResponse> pulled, RunResult result) {}

    /** Runs the image once on the device, found or pulled there as for a deploy; {@code args} (or null) replace the image's. */
    public RunOutcome run(Reference reference, List<String> args, boolean pull) throws IOException {
        Delivered delivered = deliver(reference, pull);
        return new RunOutcome(delivered.pulled(), device.run(delivered.image().toString(), args));
    }

    private record Delivered(Optional<PullResponse> pulled, Reference image) {}

    private Delivered deliver(Reference reference, boolean pull) throws IOException {
        Optional<Descriptor> local = localStore.resolve(reference);
        Reference image = local.map(d -> reference.withDigest(d.digest())).orElse(reference);
        if (pull || (local.isEmpty() && !reference.registry().equals(ContentStore.PUSHED))) {
            PullResponse pulled = device.pull(image.toString());
            return new Delivered(Optional.of(pulled), Reference.parse(pulled.image()));
        }
        return new Delivered(Optional.empty(), image);
    }
}
