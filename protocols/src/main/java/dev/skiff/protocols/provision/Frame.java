package dev.skiff.protocols.provision;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.zip.CRC32;

/**
 * One frame on the line: {@code FLAG body FLAG}, where the body is type (1 byte), sequence
 * number (1 byte), payload, and the CRC-32 of the three (4 bytes, big-endian). Inside the body
 * FLAG and ESCAPE are sent as ESCAPE followed by the byte XOR 0x20, so a flag always delimits a
 * frame and a receiver finds the next frame after any garbage or damage.
 */
public record Frame(FrameType type, int seq, byte[] payload) {
    static final int FLAG = 0x7E;
    static final int ESCAPE = 0x7D;
    static final int ESCAPE_XOR = 0x20;
    /** Payloads above this are refused on both sides: certificates and keys fit many times over. */
    public static final int MAX_PAYLOAD = 16 * 1024;
    /** type, seq, CRC-32 */
    static final int OVERHEAD = 6;

    public Frame {
        if (seq < 0 || seq > 255) {
            throw new IllegalArgumentException("sequence number " + seq + " is not a byte");
        }
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("payload of " + payload.length + " bytes is over " + MAX_PAYLOAD);
        }
        payload = payload.clone();
    }

    @Override
    public byte[] payload() {
        return payload.clone();
    }

    /** The frame as it goes on the line, flags and escapes included. */
    public byte[] encode() {
        byte[] body = new byte[payload.length + OVERHEAD];
        body[0] = (byte) type.code;
        body[1] = (byte) seq;
        System.arraycopy(payload, 0, body, 2, payload.length);
        long crc = crc(body, body.length - 4);
        for (int i = 0; i < 4; i++) {
            body[body.length - 4 + i] = (byte) (crc >>> (24 - 8 * i));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + 8);
        out.write(FLAG);
        for (byte b : body) {
            int v = b & 0xff;
            if (v == FLAG || v == ESCAPE) {
                out.write(ESCAPE);
                out.write(v ^ ESCAPE_XOR);
            } else {
                out.write(v);
            }
        }
        out.write(FLAG);
        return out.toByteArray();
    }

    static long crc(byte[] bytes, int length) {
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Frame f && f.type == type && f.seq == seq && Arrays.equals(f.payload, payload);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type.hashCode() + seq) + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return type + "#" + seq + " (" + payload.length + " bytes)";
    }
}
