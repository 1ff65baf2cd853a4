package dev.skiff.protocols.provision;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.skiff.protocols.api.EnrollRequest;
import dev.skiff.protocols.api.EnrollResponse;
import java.util.Map;

/**
 * The payloads of message frames: UTF-8 JSON objects. ENROLL_REQUEST and ENROLL_RESPONSE carry
 * the very bodies of {@code POST /v1/enroll} ({@link EnrollRequest}, {@link EnrollResponse}).
 */
public final class ProvisionMessages {
    /** The protocol version both sides speak. */
    public static final int PROTOCOL = 1;

    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES).build();

    /** Which payload class each message frame type carries. */
    private static final Map<FrameType, Class<?>> PAYLOADS = Map.of(
            FrameType.HELLO, Hello.class,
            FrameType.DEVICE_INFO, DeviceInfo.class,
            FrameType.ENROLL_REQUEST, EnrollRequest.class,
            FrameType.ENROLL_RESPONSE, EnrollResponse.class,
            FrameType.ERROR, Failure.class);

    /**
     * Starts a session.
     *
     * @param session random, so a new session's first frame never looks like a repeat of the last one
     */
    public record Hello(int protocol, String session) {}

    /**
     * What the operator needs to enroll the device.
     *
     * @param publicKey the device key (X.509 SubjectPublicKeyInfo, base64)
     * @param apiAddress where the agent serves its API, HOST:PORT as the device knows it
     * @param token the pending one-time token, null once enrolled: the console is trusted like
     *     the agent's own log, where the token is printed too
     * @param enrolledAs the name it is enrolled as, or null
     */
    public record DeviceInfo(int protocol, String deviceName, String publicKey, String apiAddress, String token, String enrolledAs) {}

    /** Why a request was refused. */
    public record Failure(String message) {}

    private ProvisionMessages() {}

    public static byte[] encode(Object message) {
        try {
            return JSON.writeValueAsBytes(message);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + message, e);
        }
    }

    /** The frame's payload as {@code type}'s message. */
    public static <T> T decode(Frame frame, Class<T> type) throws ProvisionException {
        if (PAYLOADS.get(frame.type()) != type) {
            throw new ProvisionException(frame.type() + " does not carry a " + type.getSimpleName());
        }
        try {
            return JSON.readValue(frame.payload(), type);
        } catch (java.io.IOException e) {
            throw new ProvisionException("malformed " + frame.type() + " payload: " + e.getMessage());
        }
    }
}
