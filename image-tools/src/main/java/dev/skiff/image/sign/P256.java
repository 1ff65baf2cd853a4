package dev.skiff.image.sign;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECFieldFp;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;

/** The NIST P-256 curve (secp256r1), the only curve cosign key pairs use. */
final class P256 {
    static final ECParameterSpec PARAMS = params();

    private static final BigInteger P = ((ECFieldFp) PARAMS.getCurve().getField()).getP();
    private static final BigInteger A = PARAMS.getCurve().getA();

    private P256() {}

    private static ECParameterSpec params() {
        try {
            AlgorithmParameters p = AlgorithmParameters.getInstance("EC");
            p.init(new ECGenParameterSpec("secp256r1"));
            return p.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK supports secp256r1", e);
        }
    }

    static boolean is(ECParameterSpec spec) {
        return spec.getCurve().equals(PARAMS.getCurve())
                && spec.getGenerator().equals(PARAMS.getGenerator())
                && spec.getOrder().equals(PARAMS.getOrder());
    }

    /**
     * The public key of a private key, Q = d·G. The JDK offers no API for this and its PKCS#8
     * encoding leaves the public point out, but signing needs it for the key id. The arithmetic is
     * not constant-time; it runs once per sign command on the signer's own machine.
     */
    static ECPublicKey publicKeyOf(ECPrivateKey key) {
        ECPoint q = multiply(PARAMS.getGenerator(), key.getS());
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("d·G is a point on the curve", e);
        }
    }

    private static ECPoint multiply(ECPoint g, BigInteger k) {
        ECPoint r = ECPoint.POINT_INFINITY;
        for (int i = k.bitLength() - 1; i >= 0; i--) {
            r = add(r, r);
            if (k.testBit(i)) {
                r = add(r, g);
            }
        }
        return r;
    }

    /** Affine point addition (and doubling when s == t) on y² = x³ + ax + b over GF(p). */
    private static ECPoint add(ECPoint s, ECPoint t) {
        if (s.equals(ECPoint.POINT_INFINITY)) {
            return t;
        }
        if (t.equals(ECPoint.POINT_INFINITY)) {
            return s;
        }
        BigInteger lambda;
        if (s.getAffineX().equals(t.getAffineX())) {
            if (s.getAffineY().add(t.getAffineY()).mod(P).signum() == 0) {
                return ECPoint.POINT_INFINITY;
            }
            BigInteger x = s.getAffineX();
            lambda = x.multiply(x).multiply(BigInteger.valueOf(3)).add(A)
                    .multiply(s.getAffineY().shiftLeft(1).modInverse(P)).mod(P);
        } else {
            lambda = t.getAffineY().subtract(s.getAffineY())
                    .multiply(t.getAffineX().subtract(s.getAffineX()).modInverse(P)).mod(P);
        }
        BigInteger x3 = lambda.multiply(lambda).subtract(s.getAffineX()).subtract(t.getAffineX()).mod(P);
        BigInteger y3 = lambda.multiply(s.getAffineX().subtract(x3)).subtract(s.getAffineY()).mod(P);
        return new ECPoint(x3, y3);
    }
}
