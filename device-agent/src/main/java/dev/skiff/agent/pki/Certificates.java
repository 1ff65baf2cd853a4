package dev.skiff.agent.pki;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.security.auth.x500.X500Principal;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the fleet's X.509 certificates: all keys ECDSA P-256, all signatures SHA-256. Leaves say
 * what they are for (extended key usage): a device certificate serves, an operator certificate
 * is a client; the agent accepts only clients, so one device's certificate never opens another.
 * A device's broker certificate is a client too, for the MQTT broker; its subject carries
 * {@code OU=skiff-device}, and agents refuse clients with that mark.
 */
public final class Certificates {
    /** Boards without a real-time clock boot in the past until NTP answers; an hour of slack covers a late sync. */
    private static final Duration BACKDATE = Duration.ofHours(1);
    private static final SecureRandom RANDOM = new SecureRandom();
    /** The organisational unit that marks a device's own client certificate. */
    private static final String DEVICE_UNIT = "skiff-device";

    /** What a leaf certificate may be used for. */
    public enum Purpose {
        SERVER(KeyPurposeId.id_kp_serverAuth),
        CLIENT(KeyPurposeId.id_kp_clientAuth);

        private final KeyPurposeId id;

        Purpose(KeyPurposeId id) {
            this.id = id;
        }

        /** Whether the certificate's extended key usage allows this purpose. */
        public boolean allows(X509Certificate certificate) {
            try {
                List<String> usages = certificate.getExtendedKeyUsage();
                return usages != null && usages.contains(id.getId());
            } catch (CertificateParsingException e) {
                return false;
            }
        }
    }

    private Certificates() {}

    public static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has P-256", e);
        }
    }

    /** A self-signed CA certificate that may sign leaves only (path length 0). */
    public static X509Certificate selfSignedCa(KeyPair keys, String name, Duration validity) {
        X500Principal subject = principal(name);
        return build(subject, keys.getPrivate(), keys.getPublic(), subject, validity, null, keys.getPublic(), List.of());
    }

    /** A self-signed leaf, as a device shows before it is enrolled (clients pin its key instead of trusting a CA). */
    public static X509Certificate selfSigned(KeyPair keys, String name, Purpose purpose, Duration validity) {
        X500Principal subject = principal(name);
        return build(subject, keys.getPrivate(), keys.getPublic(), subject, validity, purpose, keys.getPublic(), List.of());
    }

    /**
     * A leaf for {@code subjectKey} signed by the CA. {@code hosts} (IP literals or DNS names) go into
     * its subject alternative names, so clients that check host names, such as skopeo or
     * Prometheus, accept a device at the address it was enrolled at.
     */
    public static X509Certificate issue(X509Certificate ca, PrivateKey caKey, PublicKey subjectKey, String name, Purpose purpose,
            Duration validity, List<String> hosts) {
        return build(ca.getSubjectX500Principal(), caKey, subjectKey, principal(name), validity, purpose, ca.getPublicKey(), hosts);
    }

    /** A client certificate that marks its subject as a device ({@code OU=skiff-device}): what a device shows an MQTT broker. */
    public static X509Certificate issueDeviceClient(X509Certificate ca, PrivateKey caKey, PublicKey deviceKey, String name, Duration validity) {
        X500Principal subject = new X500Principal("OU=" + DEVICE_UNIT + ", " + principal(name).getName());
        return build(ca.getSubjectX500Principal(), caKey, deviceKey, subject, validity, Purpose.CLIENT, ca.getPublicKey(), List.of());
    }

    /** Whether the certificate's subject carries the device mark of {@link #issueDeviceClient}. */
    public static boolean isDevice(X509Certificate certificate) {
        try {
            return new LdapName(certificate.getSubjectX500Principal().getName(X500Principal.RFC2253)).getRdns().stream()
                    .anyMatch(rdn -> rdn.getType().equalsIgnoreCase("OU") && DEVICE_UNIT.equals(rdn.getValue()));
        } catch (InvalidNameException e) {
            throw new IllegalStateException("the JDK wrote a name it cannot parse: " + certificate.getSubjectX500Principal(), e);
        }
    }

    /** The common name of the certificate's subject. */
    public static String commonName(X509Certificate certificate) {
        String dn = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        for (String part : dn.split(",")) {
            if (part.startsWith("CN=")) {
                return part.substring(3).replace("\\", "");
            }
        }
        return dn;
    }

    private static GeneralName hostName(String host) {
        String bare = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean ipLiteral = bare.contains(":") || bare.matches("[0-9.]+");
        return new GeneralName(ipLiteral ? GeneralName.iPAddress : GeneralName.dNSName, bare);
    }

    private static X500Principal principal(String name) {
        if (name.isBlank() || !name.matches("[A-Za-z0-9 ._-]{1,64}")) {
            throw new IllegalArgumentException("'" + name + "' is not a usable name: letters, digits, space, '.', '_' or '-', at most 64");
        }
        return new X500Principal("CN=" + name);
    }

    /** A CA when {@code purpose} is null, otherwise a leaf for that purpose. */
    private static X509Certificate build(X500Principal issuer, PrivateKey signer, PublicKey subjectKey, X500Principal subject,
            Duration validity, Certificates.Purpose purpose, PublicKey issuerKey, List<String> hosts) {
        Instant now = Instant.now();
        X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(issuer, new BigInteger(127, RANDOM).add(BigInteger.ONE),
                Date.from(now.minus(BACKDATE)), Date.from(now.plus(validity)), subject, subjectKey);
        try {
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
            builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(subjectKey));
            builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(issuerKey));
            if (purpose == null) {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            } else {
                builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
                builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
                builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(purpose.id));
            }
            if (!hosts.isEmpty()) {
                GeneralName[] names = hosts.stream().map(Certificates::hostName).toArray(GeneralName[]::new);
                builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names));
            }
            return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(signer)));
        } catch (CertIOException | OperatorCreationException | GeneralSecurityException e) {
            throw new IllegalStateException("cannot make a certificate for " + subject + ": " + e.getMessage(), e);
        }
    }
}
