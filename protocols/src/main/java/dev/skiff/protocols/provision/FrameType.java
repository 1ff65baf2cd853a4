package dev.skiff.protocols.provision;

import java.util.Optional;

/** The type byte of a frame (docs/provisioning.md). */
public enum FrameType {
    /** The frame with this sequence number arrived intact. Empty payload; never acknowledged itself. */
    ACK(0x01),
    /** A frame arrived damaged; the sender repeats its unacknowledged frame. Empty payload. */
    NAK(0x02),
    /** Operator to device: start a session. */
    HELLO(0x10),
    /** Device to operator: its key, API address, enrollment state. */
    DEVICE_INFO(0x11),
    /** Operator to device: token, fleet CA and device certificate, as {@code POST /v1/enroll}. */
    ENROLL_REQUEST(0x12),
    /** Device to operator: enrolled, under this name. */
    ENROLL_RESPONSE(0x13),
    /** Either way: the request was refused or not understood; the payload says why. */
    ERROR(0x14);

    public final int code;

    FrameType(int code) {
        this.code = code;
    }

    static Optional<FrameType> of(int code) {
        for (FrameType type : values()) {
            if (type.code == code) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Control frames steer the link; the others carry messages and are acknowledged. */
    boolean isControl() {
        return this == ACK || this == NAK;
    }
}
