package dev.skiff.cli;

import dev.skiff.image.sign.SigningKeys;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "generate",
        description = {
            "Generate an ECDSA P-256 key pair for signing images, as cosign generate-key-pair does:"
                    + " skiff.key (private, PKCS#8 PEM) and skiff.pub (public, PEM; cosign and openssl verify with it).",
            "With SKIFF_KEY_PASSWORD set, skiff.key is encrypted with that password (PBES2, AES-256);"
                    + " without it, skiff.key is NOT encrypted and is written with mode 0600 (readable only by you).",
            "Existing files are not replaced unless --force is given."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class KeyGenerateCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--out", paramLabel = "DIR", description = "Directory for skiff.key and skiff.pub (default: the current directory).")
    Path out = Path.of("");

    @Option(names = "--force", description = "Replace an existing skiff.key and skiff.pub.")
    boolean force;

    @Override
    public Integer call() throws Exception {
        var files = SigningKeys.generate(out, SigningKeys.passwordFromEnvironment(), force);
        PrintWriter stdout = spec.commandLine().getOut();
        stdout.println("private key: " + files.privateKey() + (files.encrypted()
                ? " (encrypted with " + SigningKeys.PASSWORD_VARIABLE + ")"
                : " (not encrypted, mode 0600: keep it secret)"));
        stdout.println("public key:  " + files.publicKey());
        stdout.println("key id:      " + files.keyId());
        stdout.flush();
        return 0;
    }
}
