package dev.skiff.image.sign;

import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;

/** The NIST P-256 curve (secp256r1), the only curve cosign key pairs use. */
final class P256 {
    static final ECParameterSpec PARAMS = params();

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
     * encoding leaves the public point out, but signing needs it for the key id. BouncyCastle's
     * fixed-point comb multiplier does the arithmetic without branching on the secret's bits.
     */
    static ECPublicKey publicKeyOf(ECPrivateKey key) {
        X9ECParameters curve = CustomNamedCurves.getByName("secp256r1");
        org.bouncycastle.math.ec.ECPoint q = new FixedPointCombMultiplier().multiply(curve.getG(), key.getS()).normalize();
        ECPoint point = new ECPoint(q.getAffineXCoord().toBigInteger(), q.getAffineYCoord().toBigInteger());
        try {
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(point, PARAMS));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("d·G is a point on the curve", e);
        }
    }
}
