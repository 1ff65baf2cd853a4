package dev.skiff.cli;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.api.ReleaseInfo;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "deploy",
        description = {
            "Deploy an image to a device as an app's next release: the device starts it beside the current one,"
                    + " waits for its health check, then switches over (or keeps the current one and says why not).",
            "For now the image (and, under a reject-unsigned trust policy, its signatures) must already be in the device's"
                    + " store under the same repository and digest; REF is an image of the local store, which names both."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class DeployCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "An image in the local store.")
    String ref;

    @Mixin DeviceOption device;

    @Option(names = "--name", paramLabel = "APP", description = "The app to deploy to (default: the image's repository name).")
    String app;

    @Override
    public Integer call() throws Exception {
        Reference reference = Reference.parse(ref);
        Descriptor image = SkiffHome.imageStore().resolve(reference)
                .orElseThrow(() -> new IllegalArgumentException(ref + ": no such image in the local store (see skiff images)"));
        String appName = app != null ? app : reference.repository().substring(reference.repository().lastIndexOf('/') + 1);
        ReleaseInfo release = device.client().deploy(appName, reference.withDigest(image.digest()).toString());
        if (!release.state().equals("ACTIVE")) {
            spec.commandLine().getErr().println("skiff: " + appName + " r" + release.id() + " " + release.state() + ": " + release.detail());
            return 1;
        }
        spec.commandLine().getOut().println(appName + " r" + release.id() + " is running " + release.image());
        return 0;
    }
}
