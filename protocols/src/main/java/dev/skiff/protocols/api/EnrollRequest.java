package dev.skiff.protocols.api;

/**
 * {@code POST /v1/enroll}: the operator proves it holds the one-time token and hands the device
 * its fleet CA and a certificate for the key the device showed in the TLS handshake.
 *
 * @param token the token the agent printed at its first start
 * @param caCertificate the fleet CA certificate (PEM): the device will accept only clients it signed
 * @param deviceCertificate the device's server certificate (PEM), issued by that CA for the device's own key
 * @param brokerCertificate the client certificate (PEM) the device presents to an {@code ssl://} MQTT broker, issued by
 *     that CA for the same key and marked {@code OU=skiff-device}; null from operators older than it (such a device
 *     connects to {@code tcp://} brokers only)
 */
public record EnrollRequest(String token, String caCertificate, String deviceCertificate, String brokerCertificate) {}
