package dev.skiff.agent.tls;

import dev.skiff.agent.pki.Identity;
import java.security.GeneralSecurityException;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;

/** TLS 1.3 contexts from an identity (or none) and a {@link FleetTrustManager}. */
public final class TlsContexts {
    private TlsContexts() {}

    /** @param identity what this side presents; null for a client that presents nothing (enrollment) */
    public static SSLContext create(Supplier<Identity> identity, FleetTrustManager trust) {
        try {
            SSLContext context = SSLContext.getInstance("TLSv1.3");
            KeyManager[] keys = identity == null ? new KeyManager[0] : new KeyManager[] {new IdentityKeyManager(identity)};
            context.init(keys, new TrustManager[] {trust}, null);
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make a TLS 1.3 context", e);
        }
    }
}
