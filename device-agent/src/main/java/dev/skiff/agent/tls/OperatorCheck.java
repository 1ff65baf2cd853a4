package dev.skiff.agent.tls;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.util.Optional;
import javax.net.ssl.SSLPeerUnverifiedException;

/**
 * Whether a request comes from an operator. The REST API's router and the registry endpoint both
 * defer to this one decision, so no endpoint of either can answer a client without a fleet
 * certificate. The TLS layer has already refused certificates the fleet CA did not sign; what is
 * left to refuse here is a client that sent none.
 */
public final class OperatorCheck {
    private OperatorCheck() {}

    /** Why the request is refused (answer 401), or empty when its client presented a certificate. */
    public static Optional<String> refusal(HttpExchange http, boolean enrolled) {
        try {
            if (http instanceof HttpsExchange https && https.getSSLSession().getPeerCertificates().length > 0) {
                return Optional.empty(); // the trust manager accepted it: issued by the fleet CA, a client certificate, valid now
            }
        } catch (SSLPeerUnverifiedException e) {
            // no certificate: refused below
        }
        return Optional.of(enrolled
                ? "a client certificate from the fleet CA is required (skiff uses $SKIFF_HOME/ca/operator.pem)"
                : "this device is not enrolled yet: enroll it with 'skiff device enroll' and the token the agent printed");
    }
}
