package dev.skiff.image.sign;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeysTest {
    static final char[] PASSWORD = "correct horse".toCharArray();

    @TempDir Path dir;

    @Test
    void generatedPairReadsBackAndSigns() throws Exception {
        var files = SigningKeys.generate(dir, null, false);
        assertEquals(dir.resolve("skiff.key"), files.privateKey());
        assertEquals(dir.resolve("skiff.pub"), files.publicKey());
        assertFalse(files.encrypted());
        assertTrue(Files.readString(files.privateKey()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
        assertTrue(Files.readString(files.publicKey()).startsWith("-----BEGIN PUBLIC KEY-----\n"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(files.privateKey())));

        SigningKey key = SigningKeys.readPrivateKey(files.privateKey(), null);
        VerificationKey pub = SigningKeys.readPublicKey(files.publicKey());
        assertEquals(files.keyId(), key.id());
        assertEquals(files.keyId(), pub.id());
        byte[] payload = "payload".getBytes(StandardCharsets.UTF_8);
        assertTrue(pub.verifies(payload, key.sign(payload)));
        assertFalse(pub.verifies("other".getBytes(StandardCharsets.UTF_8), key.sign(payload)));
    }

    @Test
    void publicKeyDerivedFromThePrivateKeyIsTheGeneratedOne() {
        for (int i = 0; i < 20; i++) {
            SigningKey generated = SigningKeys.newKey();
            assertArrayEquals(generated.publicKey().getEncoded(), SigningKey.of(generated.privateKey()).publicKey().getEncoded());
        }
    }

    @Test
    void keyIdIsTheSha256OfThePublicKeyDer() throws Exception {
        SigningKey key = SigningKeys.newKey();
        byte[] der = key.publicKey().getEncoded();
        String hex = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(der));
        assertEquals("sha256:" + hex, key.id());
    }

    @Test
    void refusesToOverwriteWithoutForce() throws Exception {
        var first = SigningKeys.generate(dir, null, false);
        var e = assertThrows(FileAlreadyExistsException.class, () -> SigningKeys.generate(dir, null, false));
        assertTrue(e.getMessage().contains("skiff.key: already exists; pass --force to replace it"), e.getMessage());
        assertEquals(first.keyId(), SigningKeys.readPublicKey(first.publicKey()).id());

        var second = SigningKeys.generate(dir, null, true);
        assertFalse(first.keyId().equals(second.keyId()));
        assertEquals(second.keyId(), SigningKeys.readPrivateKey(second.privateKey(), null).id());
    }

    @Test
    void encryptedKeyNeedsItsPassword() throws Exception {
        var files = SigningKeys.generate(dir, PASSWORD, false);
        assertTrue(files.encrypted());
        assertTrue(Files.readString(files.privateKey()).startsWith("-----BEGIN ENCRYPTED PRIVATE KEY-----\n"));
        assertEquals(files.keyId(), SigningKeys.readPrivateKey(files.privateKey(), PASSWORD).id());

        assertRefused(() -> SigningKeys.readPrivateKey(files.privateKey(), null), "is encrypted: set SKIFF_KEY_PASSWORD");
        assertRefused(() -> SigningKeys.readPrivateKey(files.privateKey(), "wrong".toCharArray()),
                "cannot be decrypted: SKIFF_KEY_PASSWORD is not its password");
    }

    @Test
    void errorsSayWhatTheFileIs() throws Exception {
        var files = SigningKeys.generate(dir, null, false);
        assertRefused(() -> SigningKeys.readPublicKey(files.privateKey()), "skiff.key is not a PEM public key (its PEM block is PRIVATE KEY; pass the .pub file)");
        assertRefused(() -> SigningKeys.readPrivateKey(files.publicKey(), null), "skiff.pub holds a PUBLIC KEY, not a private key");

        Path text = Files.writeString(dir.resolve("notes.txt"), "hello\n");
        assertRefused(() -> SigningKeys.readPublicKey(text), "notes.txt is not a PEM file");
        Path legacy = Files.writeString(dir.resolve("legacy.key"), "-----BEGIN EC PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\n"
                + "DEK-Info: AES-256-CBC,0123\n\nAAAA\n-----END EC PRIVATE KEY-----\n");
        assertRefused(() -> SigningKeys.readPrivateKey(legacy, null), "legacy.key: the EC PRIVATE KEY block is not plain base64");

        var p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new ECGenParameterSpec("secp384r1"));
        Path p384File = Files.writeString(dir.resolve("p384.pub"),
                new Pem(PemKeys.PUBLIC, p384.generateKeyPair().getPublic().getEncoded()).encode());
        assertRefused(() -> SigningKeys.readPublicKey(p384File), "p384.pub is not a P-256 key (its curve has a 384-bit field)");

        Path rsaFile = Files.writeString(dir.resolve("rsa.pub"),
                new Pem(PemKeys.PUBLIC, KeyPairGenerator.getInstance("RSA").generateKeyPair().getPublic().getEncoded()).encode());
        assertRefused(() -> SigningKeys.readPublicKey(rsaFile), "rsa.pub is not an ECDSA public key, so not a P-256 key");

        var missing = assertThrows(NoSuchFileException.class, () -> SigningKeys.readPublicKey(dir.resolve("nope.pub")));
        assertTrue(missing.getMessage().endsWith("nope.pub: no such key file"), missing.getMessage());
    }

    interface KeyRead {
        Object read() throws Exception;
    }

    static void assertRefused(KeyRead read, String message) {
        var e = assertThrows(GeneralSecurityException.class, read::read);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
