package dev.skiff.workbench.deploy;

import dev.skiff.agent.client.DeviceStatus;
import dev.skiff.agent.client.OperatorHome;
import dev.skiff.image.ImageInspector;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.workbench.app.CapabilityText;
import java.io.IOException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the image asks for beside what each chosen device offers (memory, GPIO backend and lines,
 * serial ports), and the devices it must not be deployed to.
 *
 * @param blocked devices that would refuse the image (see {@link GrantReview})
 */
public record DeployReview(String text, Set<String> blocked) {
    public DeployReview {
        blocked = Set.copyOf(blocked);
    }

    /**
     * Inspects the image in the local store and asks each online device what it offers; call off the FX thread.
     *
     * @param app the app to deploy as, or null for the image's repository name
     */
    public static DeployReview of(OperatorHome home, Reference image, String app, List<DeviceStatus> devices) throws Exception {
        ImageInspector.Details details = new ImageInspector(home.imageStore()).inspect(image);
        CapabilityGrants asks = details.app().map(AppManifest::capabilities).orElse(CapabilityGrants.NONE);
        long memory = details.app().map(a -> a.resources().memoryBytes()).orElse(0L);
        StringBuilder text = new StringBuilder(image.familiar()).append('\n');
        text.append(details.app().isPresent() ? CapabilityText.describe(asks) + "\nmemory: " + Quantities.formatBytes(memory) + "\n"
                : "no skiff.yaml in the image: no grants, default limits\n");
        text.append(details.signatures() == 0 ? "unsigned: a device with a reject-unsigned policy refuses it\n" : "signed\n");
        Set<String> blocked = new LinkedHashSet<>();
        for (DeviceStatus d : devices) {
            String name = d.device().name();
            text.append('\n').append(name).append(": ");
            if (d.info().isEmpty()) {
                text.append("offline (").append(d.problem().orElse("no answer")).append(")");
                continue;
            }
            var info = d.info().get();
            long free = info.memoryBudgetBytes() - info.memoryUsedBytes();
            text.append(info.os()).append('/').append(info.arch()).append(", ").append(Quantities.formatBytes(free)).append(" memory free")
                    .append(memory > free ? " — NOT ENOUGH for this app" : "");
            GrantReview grants;
            try {
                grants = GrantReview.of(name, app != null ? app : image.shortName(), asks, home.client(d.device()).board());
            } catch (IOException e) {
                text.append("\n  grants: could not ask (").append(e.getMessage()).append("); the device checks them at deploy");
                continue;
            }
            grants.lines().forEach(line -> text.append("\n  ").append(line));
            if (!grants.deployable()) {
                blocked.add(name);
            }
        }
        return new DeployReview(text.toString(), blocked);
    }
}
