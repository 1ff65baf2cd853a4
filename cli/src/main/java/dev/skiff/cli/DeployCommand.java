package dev.skiff.cli;

import dev.skiff.agent.client.DeviceDeployment;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.api.ReleaseInfo;
import dev.skiff.protocols.manifest.GrantOverrides;
import java.util.LinkedHashMap;
import java.util.Map;
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
            "The device deploys the image (and, under a reject-unsigned trust policy, checks its signatures) from its own store:"
                    + " pushed there with skiff push REF --to DEVICE (the device finds REF there under localhost/REPO),"
                    + " or pulled by the device from REF's registry with --pull, which is implied when REF is not in the local store.",
            "An image of the local store is deployed pinned to its local digest."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class DeployCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "REF", description = "An image of the local store, or of a registry the device can reach.")
    String ref;

    @Mixin DeviceOption device;

    @Option(names = "--name", paramLabel = "APP", description = "The app to deploy to (default: the image's repository name).")
    String app;

    @Option(names = "--pull", description = "Have the device pull REF from its registry first, with its own credentials (DATA/docker-config.json).")
    boolean pull;

    @Option(names = "--grant", paramLabel = "LABEL=LINE",
            description = "Put the app's GPIO label on another header line of the device (GPIO27, PIN13 or 27), keeping its mode,"
                    + " levels and rates; repeatable. The device checks it like the app's own grants.")
    Map<String, String> grants = new LinkedHashMap<>();

    @Option(names = "--serial", paramLabel = "NAME=DEVICE",
            description = "Open the app's serial port NAME on the device's DEVICE instead of the one its grant names; repeatable.")
    Map<String, String> serialDevices = new LinkedHashMap<>();

    @Override
    public Integer call() throws Exception {
        DeviceDeployment.Outcome outcome = new DeviceDeployment(SkiffHome.imageStore(), device.client())
                .deploy(Reference.parse(ref), app, pull, new GrantOverrides(grants, serialDevices));
        outcome.pulled().ifPresent(pulled -> spec.commandLine().getErr().println(device.name + " pulled " + pulled.image() + " ("
                + Quantities.formatBytes(pulled.downloadedBytes()) + " downloaded)"));
        ReleaseInfo release = outcome.release();
        if (!outcome.running()) {
            spec.commandLine().getErr().println("skiff: " + outcome.app() + " r" + release.id() + " " + release.state() + ": " + release.detail());
            return 1;
        }
        spec.commandLine().getOut().println(outcome.app() + " r" + release.id() + " is running " + release.image());
        return 0;
    }
}
