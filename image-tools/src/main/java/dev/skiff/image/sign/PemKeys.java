package dev.skiff.image.sign;

import java.io.IOException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.security.UnrecoverableKeyException;
import java.security.interfaces.ECKey;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import javax.crypto.Cipher;
import javax.crypto.EncryptedPrivateKeyInfo;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.PBEParameterSpec;

/**
 * P-256 keys as PEM text openssl reads and writes: public keys as {@code PUBLIC KEY}
 * (SubjectPublicKeyInfo), private keys as PKCS#8 {@code PRIVATE KEY}, or with a password
 * {@code ENCRYPTED PRIVATE KEY} (PBES2: PBKDF2-HMAC-SHA256 and AES-256-CBC, openssl's default).
 */
final class PemKeys {
    static final String PUBLIC = "PUBLIC KEY";
    static final String PRIVATE = "PRIVATE KEY";
    static final String ENCRYPTED = "ENCRYPTED PRIVATE KEY";

    private static final String PBES2 = "PBEWithHmacSHA256AndAES_256";
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256; about a quarter second, once per sign. */
    private static final int ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private PemKeys() {}

    static String encodePublic(ECPublicKey key) {
        return new Pem(PUBLIC, key.getEncoded()).encode();
    }

    /** Encrypted when {@code password} is non-empty. */
    static String encodePrivate(ECPrivateKey key, char[] password) throws GeneralSecurityException {
        byte[] pkcs8 = key.getEncoded();
        return password == null || password.length == 0
                ? new Pem(PRIVATE, pkcs8).encode()
                : new Pem(ENCRYPTED, encrypt(pkcs8, password)).encode();
    }

    /** {@code what} names the source (a file) in errors. */
    static ECPublicKey decodePublic(String pemText, String what) throws GeneralSecurityException {
        Pem pem = Pem.parse(pemText, what);
        if (!pem.label().equals(PUBLIC)) {
            throw new InvalidKeySpecException(what + " is not a PEM public key (its PEM block is " + pem.label()
                    + "; pass the .pub file)");
        }
        ECPublicKey key;
        try {
            key = (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(pem.der()));
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeySpecException(what + " is not an ECDSA public key, so not a P-256 key", e);
        }
        return requireP256(key, what);
    }

    /** {@code password} is needed only for an {@code ENCRYPTED PRIVATE KEY}. */
    static ECPrivateKey decodePrivate(String pemText, char[] password, String what) throws GeneralSecurityException {
        Pem pem = Pem.parse(pemText, what);
        byte[] pkcs8 = switch (pem.label()) {
            case PRIVATE -> pem.der();
            case ENCRYPTED -> decrypt(pem.der(), password, what);
            case PUBLIC -> throw new InvalidKeySpecException(what + " holds a PUBLIC KEY, not a private key (pass the .key file)");
            default -> throw new InvalidKeySpecException(what + " holds a PEM " + pem.label() + "; skiff reads PKCS#8 "
                    + PRIVATE + " or " + ENCRYPTED + " (convert with: openssl pkcs8 -topk8 -in " + what + " -out skiff.key)");
        };
        ECPrivateKey key;
        try {
            key = (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (InvalidKeySpecException e) {
            throw new InvalidKeySpecException(what + " is not an ECDSA private key, so not a P-256 key", e);
        }
        return requireP256(key, what);
    }

    private static <K extends ECKey> K requireP256(K key, String what) throws InvalidKeySpecException {
        if (!P256.is(key.getParams())) {
            throw new InvalidKeySpecException(what + " is not a P-256 key (its curve has a "
                    + key.getParams().getCurve().getField().getFieldSize() + "-bit field)");
        }
        return key;
    }

    private static byte[] encrypt(byte[] pkcs8, char[] password) throws GeneralSecurityException {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        Cipher cipher = Cipher.getInstance(PBES2);
        cipher.init(Cipher.ENCRYPT_MODE, SecretKeyFactory.getInstance(PBES2).generateSecret(new PBEKeySpec(password)),
                new PBEParameterSpec(salt, ITERATIONS));
        // EncryptedPrivateKeyInfo cannot map the cipher's name for these parameters to an OID;
        // the same bytes read as "PBES2" parameters give it the standard one (1.2.840.113549.1.5.13).
        AlgorithmParameters params = AlgorithmParameters.getInstance("PBES2");
        try {
            params.init(cipher.getParameters().getEncoded());
            return new EncryptedPrivateKeyInfo(params, cipher.doFinal(pkcs8)).getEncoded();
        } catch (IOException e) {
            throw new IllegalStateException("PBES2 parameters the JDK just made re-encode", e);
        }
    }

    private static byte[] decrypt(byte[] der, char[] password, String what) throws GeneralSecurityException {
        if (password == null || password.length == 0) {
            throw new UnrecoverableKeyException(what + " is encrypted: set " + SigningKeys.PASSWORD_VARIABLE + " to its password");
        }
        EncryptedPrivateKeyInfo info;
        try {
            info = new EncryptedPrivateKeyInfo(der);
        } catch (IOException e) {
            throw new InvalidKeySpecException(what + ": the " + ENCRYPTED + " block is malformed", e);
        }
        // For PBES2 the JDK names the algorithm after its parameters, e.g. PBEWithHmacSHA256AndAES_256.
        String algorithm = info.getAlgName();
        try {
            Cipher cipher = Cipher.getInstance(algorithm);
            cipher.init(Cipher.DECRYPT_MODE,
                    SecretKeyFactory.getInstance(algorithm).generateSecret(new PBEKeySpec(password)), info.getAlgParameters());
            return info.getKeySpec(cipher).getEncoded();
        } catch (NoSuchAlgorithmException e) {
            throw new NoSuchAlgorithmException(what + " is encrypted with " + algorithm + ", which skiff cannot read;"
                    + " re-encrypt it with: openssl pkcs8 -topk8 -v2 aes-256-cbc -in " + what, e);
        } catch (InvalidKeySpecException e) {
            throw new UnrecoverableKeyException(what + " cannot be decrypted: " + SigningKeys.PASSWORD_VARIABLE + " is not its password");
        }
    }
}
