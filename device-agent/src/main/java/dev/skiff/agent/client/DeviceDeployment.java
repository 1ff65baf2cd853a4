package dev.skiff.agent.client;

import dev.skiff.agent.content.ContentStore;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageStore;
import dev.skiff.protocols.api.PullResponse;
import dev.skiff.protocols.api.ReleaseInfo;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;

/**
 * Deploys an image to an enrolled device, as {@code skiff deploy} and the workbench do: the image
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
        return deploy(reference, app, pull, Map.of());
    }

    /** @param grants the app's GPIO labels remapped to other header lines of the device ({@code LED} to {@code GPIO27}) */
    public Outcome deploy(Reference reference, String app, boolean pull, Map<String, String> grants) throws IOException {
        Optional<Descriptor> local = localStore.resolve(reference);
        Reference image = local.map(d -> reference.withDigest(d.digest())).orElse(reference);
        Optional<PullResponse> pulled = Optional.empty();
        if (pull || (local.isEmpty() && !reference.registry().equals(ContentStore.PUSHED))) {
            pulled = Optional.of(device.pull(image.toString()));
            image = Reference.parse(pulled.get().image());
        }
        String appName = app != null ? app : reference.shortName();
        return new Outcome(pulled, appName, device.deploy(appName, image.toString(), grants));
    }
}
