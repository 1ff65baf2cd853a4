package dev.skiff.cli;

import dev.skiff.image.oci.Reference;
import dev.skiff.image.registry.ImagePuller;
import dev.skiff.image.registry.PullResult;
import dev.skiff.protocols.Quantities;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "pull",
        description = {
            "Pull an image from a registry into the local store.",
            "Its cosign signatures (tags sha256-<hex>.sig) come along. Every blob is",
            "checked against its digest and the whole image validated before anything",
            "is stored: a failed pull leaves the store unchanged. Prints the digest.",
            "Credentials come from the docker config (see skiff login)."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class PullCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin RegistryOptions registry;

    @Parameters(index = "0", paramLabel = "REF", description = "The image by tag or digest, e.g. ghcr.io/me/app:1")
    String reference;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Reference ref = Reference.parse(reference);
        PullResult result = new ImagePuller(SkiffHome.imageStore(), registry.client(), ProgressPrinter.forStderr(err)).pull(ref);
        spec.commandLine().getOut().println(result.root().digest());
        err.println("pulled " + result.reference().familiar() + " (" + Quantities.formatBytes(result.downloadedBytes()) + " downloaded)");
        return 0;
    }
}
