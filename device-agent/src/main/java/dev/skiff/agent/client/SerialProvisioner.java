package dev.skiff.agent.client;

import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.KeyPin;
import dev.skiff.image.progress.ProgressEvent;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.protocols.api.EnrollRequest;
import dev.skiff.protocols.api.EnrollResponse;
import dev.skiff.protocols.manifest.SerialGrant;
import dev.skiff.protocols.provision.FrameType;
import dev.skiff.protocols.provision.ProvisionLink;
import dev.skiff.protocols.provision.ProvisionMessages;
import dev.skiff.protocols.provision.ProvisionMessages.DeviceInfo;
import dev.skiff.runtime.capability.serial.JsscSerialBackend;
import dev.skiff.runtime.capability.serial.SerialConnection;
import java.io.IOException;
import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The operator's side of serial provisioning (docs/provisioning.md): over a serial line to the
 * device's console, learn its key and API address (HELLO), issue a server certificate for exactly
 * that key, and hand it over with the token and CA certificate (ENROLL_REQUEST) — the enrollment
 * {@link DeviceEnroller} does over the network, with the cable in place of the pinned handshake.
 */
public final class SerialProvisioner {
    private static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(15);
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * @param device the operator's end of the line, e.g. /dev/ttyUSB0
     * @param token the token the agent printed; empty: the one the device tells over its console
     * @param address where to reach the device's API; empty: the address it tells
     */
    public record Request(String device, int baud, String name, Optional<EnrollmentToken> token, Optional<String> address) {}

    private SerialProvisioner() {}

    /** @return the device as the registry should record it */
    public static DeviceRecord provision(Request request, FleetCa ca, ProgressListener progress) throws IOException, InterruptedException {
        try (SerialConnection line = new JsscSerialBackend().open(new SerialGrant(request.device(), request.baud(), SerialGrant.Parity.NONE))) {
            ProvisionLink link = new ProvisionLink(line, ProvisionLink.Settings.forBaud(request.baud()),
                    note -> progress.on(new ProgressEvent.Note(request.device() + ": " + note)));
            progress.on(new ProgressEvent.StepStarted("hello over " + request.device(), -1));
            DeviceInfo info = link.request(FrameType.HELLO, new ProvisionMessages.Hello(ProvisionMessages.PROTOCOL, session()),
                    FrameType.DEVICE_INFO, DeviceInfo.class, ANSWER_TIMEOUT);
            progress.on(new ProgressEvent.StepFinished("hello over " + request.device(), "device " + info.deviceName() + " at " + info.apiAddress()));
            if (info.enrolledAs() != null) {
                throw new IOException("the device on " + request.device() + " is enrolled already (as " + info.enrolledAs()
                        + "); its enrollment token was used and cannot be used again");
            }
            PublicKey key = publicKey(info.publicKey());
            EnrollmentToken token = token(request, info, key);
            String address = request.address().orElse(info.apiAddress());
            progress.on(new ProgressEvent.StepStarted("enroll " + request.name(), -1));
            // the same certificates as over-the-network enrollment: valid for the host the fleet will reach the device at
            EnrollRequest enroll = DeviceEnroller.request(token, key, request.name(), URI.create("https://" + address).getHost(), ca);
            EnrollResponse enrolled = link.request(FrameType.ENROLL_REQUEST, enroll, FrameType.ENROLL_RESPONSE, EnrollResponse.class, ANSWER_TIMEOUT);
            progress.on(new ProgressEvent.StepFinished("enroll " + request.name(), "enrolled as " + enrolled.name()));
            return DeviceRecord.enrolledNow(request.name(), address, KeyPin.of(key));
        }
    }

    /** The operator's token must pin the key the device showed; the device's own one must too. */
    private static EnrollmentToken token(Request request, DeviceInfo info, PublicKey key) throws IOException {
        EnrollmentToken token;
        if (request.token().isPresent()) {
            token = request.token().get();
        } else if (info.token() != null) {
            token = EnrollmentToken.parse(info.token());
        } else {
            throw new IOException("the device on " + request.device() + " told no enrollment token; give the one it printed with --token");
        }
        if (!token.pin().matches(key)) {
            throw new IOException("the device on " + request.device() + " is not the one the token names (its key does not match the token's PIN);"
                    + " check the cable, and that the token is the one this device printed");
        }
        return token;
    }

    private static PublicKey publicKey(String base64) throws IOException {
        try {
            byte[] der = Base64.getDecoder().decode(base64);
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (IllegalArgumentException | NullPointerException | GeneralSecurityException e) {
            throw new IOException("the device sent a public key that is not an EC key in base64 DER: " + e.getMessage(), e);
        }
    }

    private static String session() {
        byte[] bytes = new byte[8];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
