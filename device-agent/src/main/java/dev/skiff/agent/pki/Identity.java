package dev.skiff.agent.pki;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;

/** A private key with the certificate chain that presents it, leaf first: what one side shows in a TLS handshake. */
public record Identity(PrivateKey key, List<X509Certificate> chain) {
    public Identity {
        chain = List.copyOf(chain);
        if (chain.isEmpty()) {
            throw new IllegalArgumentException("an identity needs at least its own certificate");
        }
    }

    public X509Certificate certificate() {
        return chain.getFirst();
    }
}
