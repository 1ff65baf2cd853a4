package dev.skiff.agent.pki;

import dev.skiff.agent.AtomicFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;

/**
 * Certificates and private keys as PEM files, the form openssl and curl read. Every write is
 * crash-safe (temp file, fsync, rename): a reader finds the old file or the new one, never half
 * of one. Private keys are created with mode 0600 from their first byte.
 */
public final class PemFiles {
    private PemFiles() {}

    public static String toPem(X509Certificate certificate) {
        return pem(certificate);
    }

    public static void writeCertificates(Path file, List<X509Certificate> certificates) throws IOException {
        StringBuilder text = new StringBuilder();
        certificates.forEach(c -> text.append(pem(c)));
        write(file, text.toString(), "rw-r--r--");
    }

    /**
     * A {@code PRIVATE KEY} block (PKCS#8, what openssl reads from the file) followed by the
     * {@code PUBLIC KEY} block, as the JDK's PKCS#8 encoding leaves the public key out.
     */
    public static void writeKeyPair(Path file, KeyPair keys) throws IOException {
        write(file, pem(new JcaPKCS8Generator(keys.getPrivate(), null)) + pem(keys.getPublic()), "rw-------");
    }

    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        return parseCertificates(read(file), file.toString());
    }

    /** @throws IllegalArgumentException when the text holds no certificate, or something else */
    public static List<X509Certificate> parseCertificates(String pem, String what) {
        List<X509Certificate> certificates = new ArrayList<>();
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (!(o instanceof X509CertificateHolder holder)) {
                    throw new IllegalArgumentException(what + " holds a " + o.getClass().getSimpleName() + " where a certificate was expected");
                }
                certificates.add(new JcaX509CertificateConverter().getCertificate(holder));
            }
        } catch (IOException | CertificateException e) {
            throw new IllegalArgumentException(what + " is not a PEM certificate: " + e.getMessage(), e);
        }
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException(what + " holds no PEM certificate");
        }
        return certificates;
    }

    public static KeyPair readKeyPair(Path file) throws IOException {
        PrivateKey privateKey = null;
        PublicKey publicKey = null;
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (PEMParser parser = new PEMParser(new StringReader(read(file)))) {
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PrivateKeyInfo info) {
                    privateKey = converter.getPrivateKey(info);
                } else if (o instanceof SubjectPublicKeyInfo info) {
                    publicKey = converter.getPublicKey(info);
                }
            }
        }
        if (privateKey == null || publicKey == null) {
            throw new IOException(file + " does not hold an unencrypted PRIVATE KEY and its PUBLIC KEY");
        }
        return new KeyPair(publicKey, privateKey);
    }

    private static String read(Path file) throws IOException {
        try {
            return Files.readString(file, StandardCharsets.US_ASCII);
        } catch (NoSuchFileException e) {
            throw new NoSuchFileException(file.toString(), null, "no such file");
        }
    }

    private static String pem(Object object) {
        StringWriter out = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + object.getClass().getSimpleName() + " as PEM", e);
        }
        return out.toString();
    }

    private static void write(Path file, String text, String mode) throws IOException {
        AtomicFiles.write(file, text.getBytes(StandardCharsets.US_ASCII), mode);
    }
}
