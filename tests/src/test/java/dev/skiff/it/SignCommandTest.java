package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.sign.TinyWasmImage;
import dev.skiff.image.store.ImageStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff key generate}, {@code skiff sign} and {@code skiff verify} end to end, on an image in SKIFF_HOME. */
class SignCommandTest {
    static final String REF = "127.0.0.1:5000/hello:1.0";
    static final Pattern KEY_ID = Pattern.compile("key id: +(sha256:[0-9a-f]{64})");

    @TempDir Path home;
    @TempDir Path keys;
    TinyWasmImage image;

    @BeforeEach
    void imageInTheStore() throws Exception {
        image = TinyWasmImage.tag(ImageStore.open(home.resolve("images")), REF, "e2e");
    }

    Skiff skiff() {
        return new Skiff(home);
    }

    @Test
    void signedImageVerifiesWithItsKeyAndNotWithAnother() throws Exception {
        String keyA = generate(keys.resolve("a"));
        String keyB = generate(keys.resolve("b"));

        var sign = skiff().run("sign", REF, "--key", keys.resolve("a/skiff.key").toString());
        assertEquals(0, sign.exitCode(), sign.toString());
        assertEquals("signed index " + image.index().digest() + " as 127.0.0.1:5000/hello:" + image.index().digest().signatureTag() + "\n"
                + "signed wasm manifest " + image.wasmManifest().digest() + " as 127.0.0.1:5000/hello:"
                + image.wasmManifest().digest().signatureTag() + "\n"
                + "key id " + keyA + "\n", sign.stdout());

        Path pubA = keys.resolve("a/skiff.pub");
        var verify = skiff().run("verify", REF, "--key", pubA.toString());
        assertEquals(0, verify.exitCode(), verify.toString());
        assertEquals("verified " + REF + " with " + pubA + " (key id " + keyA + ")\n"
                + "  index " + image.index().digest() + "\n"
                + "  wasm manifest " + image.wasmManifest().digest() + "\n", verify.stdout());

        Path pubB = keys.resolve("b/skiff.pub");
        var wrongKey = skiff().run("verify", REF, "--key", pubB.toString());
        assertEquals(125, wrongKey.exitCode(), wrongKey.toString());
        assertEquals("skiff: error: " + image.index().digest() + " is signed by key " + keyA + ", not by " + pubB + " (" + keyB + ")\n",
                wrongKey.stderr());
        assertEquals("", wrongKey.stdout());
    }

    @Test
    void unsignedImageFailsVerification() throws Exception {
        generate(keys);
        var r = skiff().run("verify", REF, "--key", keys.resolve("skiff.pub").toString());
        assertEquals(125, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("index " + image.index().digest() + " is not signed; run skiff sign " + REF), r.toString());
    }

    @Test
    void keyGenerateWritesAPairOnceAndRefusesToOverwriteIt() throws Exception {
        String first = generate(keys);
        assertTrue(Files.readString(keys.resolve("skiff.key")).startsWith("-----BEGIN PRIVATE KEY-----"));
        assertTrue(Files.readString(keys.resolve("skiff.pub")).startsWith("-----BEGIN PUBLIC KEY-----"));

        var again = skiff().run("key", "generate", "--out", keys.toString());
        assertEquals(125, again.exitCode(), again.toString());
        assertTrue(again.stderr().contains("skiff.key: already exists; pass --force to replace it"), again.toString());

        var forced = skiff().run("key", "generate", "--out", keys.toString(), "--force");
        assertEquals(0, forced.exitCode(), forced.toString());
        assertFalse(forced.stdout().contains(first), forced.toString());
    }

    /** Runs {@code skiff key generate --out DIR}; returns the key id it prints. */
    private String generate(Path dir) throws Exception {
        var r = skiff().run("key", "generate", "--out", dir.toString());
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("(not encrypted, mode 0600: keep it secret)"), r.toString());
        Matcher m = KEY_ID.matcher(r.stdout());
        assertTrue(m.find(), r.toString());
        return m.group(1);
    }
}
