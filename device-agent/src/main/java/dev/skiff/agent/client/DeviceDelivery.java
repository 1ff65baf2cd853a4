package dev.skiff.agent.client;

import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.registry.ImagePusher;
import dev.skiff.image.registry.PushResult;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;

/**
 * Delivers an image of the local store to a device and deploys it there, as {@code skiff push REF
 * --to DEVICE} followed by {@code skiff deploy REF --device DEVICE} do: only blobs the device lacks
 * cross the wire, then the device runs its health gate and switches over or keeps the current release.
 */
public record DeviceDelivery(ImageStore localStore, AgentClient device) {

    /** The push and the deployment's outcome. */
    public record Delivered(PushResult push, DeviceDeployment.Outcome deployment) {}

    /** @param app the app to deploy to, or null for the image's repository name */
    public Delivered deliver(Reference image, String app, ProgressListener progress) throws IOException, ImageFormatException {
        PushResult pushed = new ImagePusher(localStore, device.registry(), progress).push(image, device.pushDestination(image));
        return new Delivered(pushed, new DeviceDeployment(localStore, device).deploy(image, app, false));
    }
}
