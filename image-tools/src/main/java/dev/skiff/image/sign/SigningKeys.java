package dev.skiff.image.sign;

import dev.skiff.image.oci.Digest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.util.List;

/**
 * Key pairs for image signatures, in files: {@code skiff.key} (PKCS#8, encrypted when a password
 * is given, readable only by its owner) and {@code skiff.pub} (PEM {@code PUBLIC KEY}, which
 * cosign and openssl verify with).
 */
public final class SigningKeys {
    public static final String PRIVATE_KEY_FILE = "skiff.key";
    public static final String PUBLIC_KEY_FILE = "skiff.pub";
    /** The environment variable holding the private key's password, as COSIGN_PASSWORD does for cosign. */
    public static final String PASSWORD_VARIABLE = "SKIFF_KEY_PASSWORD";

    private SigningKeys() {}

    /** The password from {@link #PASSWORD_VARIABLE}, or null when it is unset or empty. */
    public static char[] passwordFromEnvironment() {
        String password = System.getenv(PASSWORD_VARIABLE);
        return password == null || password.isEmpty() ? null : password.toCharArray();
    }

    /** What {@link #generate} wrote. */
    public record KeyFiles(Path privateKey, Path publicKey, String keyId, boolean encrypted) {}

    public static SigningKey newKey() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(P256.PARAMS);
            var pair = generator.generateKeyPair();
            return new SigningKey((ECPrivateKey) pair.getPrivate(), (ECPublicKey) pair.getPublic());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK generates P-256 keys", e);
        }
    }

    /**
     * Writes a new key pair into {@code dir}. Refuses to replace either file unless {@code force},
     * since a lost private key cannot sign again. {@code password} may be null or empty.
     */
    public static KeyFiles generate(Path dir, char[] password, boolean force) throws IOException, GeneralSecurityException {
        Path privateFile = dir.resolve(PRIVATE_KEY_FILE);
        Path publicFile = dir.resolve(PUBLIC_KEY_FILE);
        if (!force) {
            for (Path p : List.of(privateFile, publicFile)) {
                if (Files.exists(p)) {
                    throw new FileAlreadyExistsException(p.toString(), null, "already exists; pass --force to replace it");
                }
            }
        }
        SigningKey key = newKey();
        Files.createDirectories(dir);
        writeOwnerOnly(privateFile, PemKeys.encodePrivate(key.privateKey(), password));
        Files.writeString(publicFile, PemKeys.encodePublic(key.publicKey()));
        return new KeyFiles(privateFile, publicFile, key.id(), password != null && password.length > 0);
    }

    /** Reads a private key file; {@code password} is needed only when it is encrypted. */
    public static SigningKey readPrivateKey(Path file, char[] password) throws IOException, GeneralSecurityException {
        return SigningKey.of(PemKeys.decodePrivate(read(file), password, file.toString()));
    }

    public static VerificationKey readPublicKey(Path file) throws IOException, GeneralSecurityException {
        return new VerificationKey(file.toString(), PemKeys.decodePublic(read(file), file.toString()));
    }

    /** {@code sha256:} and the hex SHA-256 of the key's DER SubjectPublicKeyInfo. */
    public static String keyId(PublicKey key) {
        return Digest.of(key.getEncoded()).toString();
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such key file");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new IOException(file + " is not a PEM file (it is not ASCII text)", e);
        }
    }

    /** Created with mode 0600, so the key is never readable by others, not even for a moment. */
    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        FileAttribute<?>[] attrs = file.getFileSystem().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
        Files.writeString(Files.createFile(file, attrs), text, StandardCharsets.US_ASCII);
    }
}
