package dev.skiff.cli;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.registry.ImagePusher;
import dev.skiff.image.registry.PushResult;
import dev.skiff.image.registry.RegistryClient;
import dev.skiff.protocols.Quantities;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "push",
        description = {
            "Push an image from the local store to a registry, or with --to straight to an enrolled device",
            "(its agent's registry endpoint, over the fleet's mutual TLS; the device stores it as localhost/REPO:TAG).",
            "Its cosign signatures (tags sha256-<hex>.sig) go along. Only blobs the",
            "registry lacks are uploaded. Prints the image's digest.",
            "Credentials come from the docker config (see skiff login)."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class PushCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "REF", description = "The image in the local store, e.g. ghcr.io/me/app:1")
    String source;

    @Parameters(index = "1", arity = "0..1", paramLabel = "DEST", description = "Where to push it (default: REF).")
    String destination;

    @Option(names = "--to", paramLabel = "DEVICE", description = "An enrolled device to push to instead of a registry (see skiff device ls).")
    String device;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Reference from = Reference.parse(source);
        Reference to;
        RegistryClient client;
        if (device == null) {
            to = destination == null ? from : Reference.parse(destination);
            client = registry.client();
        } else if (destination == null) {
            AgentClient agent = SkiffHome.client(device);
            to = agent.pushDestination(from);
            client = agent.registry();
        } else {
            throw new IllegalArgumentException("give DEST or --to, not both: a device names its images itself (localhost/REPO:TAG)");
        }
        PushResult result = new ImagePusher(SkiffHome.imageStore(), client, ProgressPrinter.forStderr(err)).push(from, to);
        spec.commandLine().getOut().println(result.digest());
        err.println("pushed " + result.pushed().familiar() + ": uploaded " + blobs(result.uploadedBlobs())
                + " (" + Quantities.formatBytes(result.uploadedBlobBytes()) + "), " + result.skippedBlobs() + " already there");
        return 0;
    }

    private static String blobs(int n) {
        return n + (n == 1 ? " blob" : " blobs");
    }
}
