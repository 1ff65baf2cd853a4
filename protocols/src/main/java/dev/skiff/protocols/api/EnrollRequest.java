package dev.skiff.protocols.api;

/**
 * {@code POST /v1/enroll}: the operator proves it holds the one-time token and hands the device
 * its fleet CA and a certificate for the key the device showed in the TLS handshake.
 *
 * @param token the token the agent printed at its first start
 * @param caCertificate the fleet CA certificate (PEM): the device will accept only clients it signed
 * @param deviceCertificate the device's server certificate (PEM), issued by that CA for the device's own key
 */
public record EnrollRequest(String token, String caCertificate, String deviceCertificate) {}
