package dev.skiff.image.sign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An independent check of keys and signatures with openssl (DESIGN §3.3), in both directions. */
class OpensslInteropTest {
    @TempDir Path dir;

    record Result(int exitCode, String output) {}

    @Test
    void opensslVerifiesTheStoredSignatureOfAnImage() throws Exception {
        var files = SigningKeys.generate(dir, null, false);
        assertEquals(0, openssl("pkey", "-pubin", "-in", "skiff.pub", "-noout").exitCode());

        ImageStore store = ImageStore.open(dir.resolve("images"));
        TinyWasmImage image = TinyWasmImage.tag(store, "127.0.0.1:5000/hello:1.0", "a");
        new ImageSigner(store).sign(image.reference(), SigningKeys.readPrivateKey(files.privateKey(), null));
        Descriptor layer = new SignatureManifests(store).layers(image.reference(), image.index().digest()).getFirst();
        byte[] payload = store.blobs().read(layer.digest(), 4096);
        Files.write(dir.resolve("payload"), payload);
        Files.write(dir.resolve("sig.der"), Base64.getDecoder().decode(layer.annotation(SignatureManifests.SIGNATURE)));

        Result verified = openssl("dgst", "-sha256", "-verify", "skiff.pub", "-signature", "sig.der", "payload");
        assertEquals(new Result(0, "Verified OK\n"), verified);

        payload[payload.length - 2] ^= 1;
        Files.write(dir.resolve("payload"), payload);
        Result tampered = openssl("dgst", "-sha256", "-verify", "skiff.pub", "-signature", "sig.der", "payload");
        assertEquals(1, tampered.exitCode(), tampered.output());
        assertTrue(tampered.output().contains("Verification failure"), tampered.output());
    }

    @Test
    void opensslReadsTheEncryptedPrivateKeyAndDerivesTheSamePublicKey() throws Exception {
        SigningKeys.generate(dir, "s3cret".toCharArray(), false);
        Result pub = openssl("pkey", "-in", "skiff.key", "-passin", "pass:s3cret", "-pubout");
        assertEquals(new Result(0, Files.readString(dir.resolve("skiff.pub"))), pub);
        assertEquals(1, openssl("pkey", "-in", "skiff.key", "-passin", "pass:wrong", "-noout").exitCode());
    }

    @Test
    void keysAndSignaturesMadeByOpensslWorkInSkiff() throws Exception {
        opensslOk("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "plain.key");
        opensslOk("genpkey", "-algorithm", "EC", "-pkeyopt", "ec_paramgen_curve:P-256", "-aes-256-cbc",
                "-pass", "pass:s3cret", "-out", "encrypted.key");
        opensslOk("pkey", "-in", "plain.key", "-pubout", "-out", "plain.pub");
        Files.writeString(dir.resolve("payload"), "payload");
        opensslOk("dgst", "-sha256", "-sign", "plain.key", "-out", "sig.der", "payload");

        VerificationKey pub = SigningKeys.readPublicKey(dir.resolve("plain.pub"));
        byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
        assertTrue(pub.verifies(payload, Files.readAllBytes(dir.resolve("sig.der"))));
        assertEquals(pub.id(), SigningKeys.readPrivateKey(dir.resolve("plain.key"), null).id());

        SigningKey encrypted = SigningKeys.readPrivateKey(dir.resolve("encrypted.key"), "s3cret".toCharArray());
        assertTrue(new VerificationKey("derived", encrypted.publicKey()).verifies(payload, encrypted.sign(payload)));
    }

    private Result openssl(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(30, TimeUnit.SECONDS), "openssl did not finish");
        return new Result(p.exitValue(), output);
    }

    private void opensslOk(String... args) throws IOException, InterruptedException {
        Result r = openssl(args);
        assertEquals(0, r.exitCode(), "openssl " + String.join(" ", args) + ": " + r.output());
    }
}
