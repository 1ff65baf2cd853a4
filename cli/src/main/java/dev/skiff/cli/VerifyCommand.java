package dev.skiff.cli;

import dev.skiff.image.registry.ImageFetcher;
import dev.skiff.image.sign.ImageVerifier;
import dev.skiff.image.sign.SignatureTarget;
import dev.skiff.image.sign.SigningKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "verify",
        description = {
            "Verify the signatures of an image against a public key, as cosign verify --key does.",
            "An image missing from the local store is pulled (with its signatures) from the registry its reference names.",
            "The image's digest, and for an index each wasm manifest, needs a signature of this key made for exactly that digest.",
            "Exits 0 when it verifies; otherwise 125 with a message saying what is wrong:"
                    + " not signed, signed by another key, a signature moved from another image, or a payload altered after signing."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class VerifyCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The public key (skiff.pub, or a cosign.pub).")
    Path key;

    @Mixin LocalImageRef image;

    @Mixin RegistryOptions registry;

    @Override
    public Integer call() throws Exception {
        var ref = image.reference();
        var publicKey = SigningKeys.readPublicKey(key);
        PrintWriter err = spec.commandLine().getErr();
        new ImageFetcher(SkiffHome.imageStore(), registry.client(), ProgressPrinter.forStderr(err)).resolve(ref);
        var verified = new ImageVerifier(SkiffHome.imageStore()).verify(ref, publicKey);
        verified.warnings().forEach(w -> err.println("skiff: warning: " + w));
        err.flush();
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("verified " + verified.reference().familiar() + " with " + key + " (key id " + verified.keyId() + ")");
        for (SignatureTarget target : verified.targets()) {
            stdout.println("  " + target);
        }
        stdout.flush();
        return 0;
    }
}
