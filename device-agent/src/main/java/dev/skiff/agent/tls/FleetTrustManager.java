package dev.skiff.agent.tls;

import dev.skiff.agent.pki.Certificates;
import dev.skiff.agent.pki.Certificates.Purpose;
import dev.skiff.agent.pki.KeyPin;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Optional;
import java.util.function.Supplier;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * Decides whom a side of the fleet talks to. A peer is trusted when its certificate was signed by
 * the fleet CA (if one is set), is within its validity, is meant for its role (a client
 * certificate for clients, a server certificate for servers; never a device's broker certificate
 * as a client) and, if a pin is set, holds the pinned key. With neither CA nor pin nobody is trusted.
 *
 * <p>Host names are deliberately not checked (this class extends {@link X509ExtendedTrustManager},
 * which makes the JDK leave identity checks to it): devices on a LAN are reached by whatever
 * address DHCP gave them today, and the pin names the device more precisely than any host name.
 */
public final class FleetTrustManager extends X509ExtendedTrustManager {
    private final Supplier<Optional<X509Certificate>> ca;
    private final Optional<KeyPin> pin;

    /** @param ca the fleet CA as it is now (the agent learns it at enrollment) */
    public FleetTrustManager(Supplier<Optional<X509Certificate>> ca, Optional<KeyPin> pin) {
        this.ca = ca;
        this.pin = pin;
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, Purpose.CLIENT);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, Purpose.CLIENT);
    }

    @Override
    public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, Purpose.CLIENT);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
        check(chain, Purpose.SERVER);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) throws CertificateException {
        check(chain, Purpose.SERVER);
    }

    @Override
    public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) throws CertificateException {
        check(chain, Purpose.SERVER);
    }

    /** The CA's certificate as a hint to clients which certificate to send; none before enrollment. */
    @Override
    public X509Certificate[] getAcceptedIssuers() {
        return ca.get().map(c -> new X509Certificate[] {c}).orElse(new X509Certificate[0]);
    }

    private void check(X509Certificate[] chain, Purpose purpose) throws CertificateException {
        if (chain == null || chain.length == 0) {
            throw new CertificateException("no certificate");
        }
        X509Certificate leaf = chain[0];
        Optional<X509Certificate> authority = ca.get();
        if (authority.isEmpty() && pin.isEmpty()) {
            throw new CertificateException("no fleet CA to check " + leaf.getSubjectX500Principal() + " against");
        }
        if (pin.isPresent() && !pin.get().matches(leaf.getPublicKey())) {
            throw new CertificateException("the peer's key is not the pinned one (" + pin.get() + "): another machine answers at this address");
        }
        if (authority.isPresent()) {
            try {
                leaf.verify(authority.get().getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new CertificateException(leaf.getSubjectX500Principal() + " was not issued by the fleet CA", e);
            }
            leaf.checkValidity();
            if (!purpose.allows(leaf)) {
                throw new CertificateException(leaf.getSubjectX500Principal() + " is not a " + purpose.name().toLowerCase() + " certificate");
            }
            // a device's broker certificate is a client certificate of the same CA; it must not make one device another's operator
            if (purpose == Purpose.CLIENT && Certificates.isDevice(leaf)) {
                throw new CertificateException(leaf.getSubjectX500Principal() + " is a device's broker certificate; devices do not call each other");
            }
        }
    }
}
