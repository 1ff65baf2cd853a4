package dev.skiff.cli;

import dev.skiff.image.sign.ImageSigner;
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
        name = "sign",
        description = {
            "Sign an image in the local store with a private key, as cosign sign --key does.",
            "Signs the manifest digest; for an index, the index and each wasm manifest. Each signature is stored"
                    + " as REPO:sha256-<hex>.sig beside the image and travels with it on push.",
            "Signing again with another key adds a signature; with the same key, replaces it.",
            "An encrypted key needs its password in SKIFF_KEY_PASSWORD."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class SignCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--key", required = true, paramLabel = "FILE", description = "The private key (skiff.key).")
    Path key;

    @Mixin LocalImageRef image;

    @Override
    public Integer call() throws Exception {
        var ref = image.reference();
        var signingKey = SigningKeys.readPrivateKey(key, SigningKeys.passwordFromEnvironment());
        var signed = new ImageSigner(SkiffHome.imageStore()).sign(ref, signingKey);
        PrintWriter stdout = spec.commandLine().getOut();
        for (SignatureTarget target : signed.targets()) {
            stdout.println("signed " + target + " as " + signed.reference().withTag(target.digest().signatureTag()).familiar());
        }
        stdout.println("key id " + signed.keyId());
        stdout.flush();
        return 0;
    }
}
