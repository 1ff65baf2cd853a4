package dev.skiff.protocols.provision;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns line bytes back into frames. Whatever lies between two flags is one candidate: intact
 * frames come out as {@link Decoded.Intact}; damaged ones (bad CRC, bad escape, unknown type,
 * too short or too long) as {@link Decoded.Damaged}, which the link answers with a NAK. Bytes
 * before the first flag (a console's boot noise) are dropped unseen.
 */
public final class FrameDecoder {
    /** What one candidate between flags turned out to be. */
    public sealed interface Decoded {
        record Intact(Frame frame) implements Decoded {}

        record Damaged(String problem) implements Decoded {}
    }

    private final ByteArrayOutputStream body = new ByteArrayOutputStream();
    private boolean synced;
    private boolean escaped;
    private String problem;

    /** Feeds bytes from the line; returns the candidates they completed, in order. */
    public List<Decoded> feed(byte[] bytes) {
        List<Decoded> out = new ArrayList<>();
        for (byte b : bytes) {
            int v = b & 0xff;
            if (v == Frame.FLAG) {
                if (synced && (body.size() > 0 || problem != null)) {
                    out.add(finish());
                }
                synced = true;
                reset();
            } else if (synced) {
                add(v);
            }
        }
        return out;
    }

    private void add(int v) {
        if (problem != null) {
            return; // already damaged: skip to the next flag
        }
        if (v == Frame.ESCAPE) {
            if (escaped) {
                problem = "escape byte followed by another escape";
            }
            escaped = true;
            return;
        }
        if (escaped) {
            v ^= Frame.ESCAPE_XOR;
            escaped = false;
        }
        if (body.size() >= Frame.MAX_PAYLOAD + Frame.OVERHEAD) {
            problem = "frame longer than " + (Frame.MAX_PAYLOAD + Frame.OVERHEAD) + " bytes";
            return;
        }
        body.write(v);
    }

    private Decoded finish() {
        if (problem != null) {
            return new Decoded.Damaged(problem);
        }
        if (escaped) {
            return new Decoded.Damaged("frame ends inside an escape");
        }
        byte[] bytes = body.toByteArray();
        if (bytes.length < Frame.OVERHEAD) {
            return new Decoded.Damaged("frame of " + bytes.length + " bytes is shorter than type, sequence and CRC");
        }
        long expected = 0;
        for (int i = bytes.length - 4; i < bytes.length; i++) {
            expected = expected << 8 | (bytes[i] & 0xff);
        }
        if (Frame.crc(bytes, bytes.length - 4) != expected) {
            return new Decoded.Damaged("CRC-32 mismatch");
        }
        int code = bytes[0] & 0xff;
        var type = FrameType.of(code);
        if (type.isEmpty()) {
            return new Decoded.Damaged("unknown frame type 0x" + Integer.toHexString(code));
        }
        byte[] payload = java.util.Arrays.copyOfRange(bytes, 2, bytes.length - 4);
        return new Decoded.Intact(new Frame(type.get(), bytes[1] & 0xff, payload));
    }

    private void reset() {
        body.reset();
        escaped = false;
        problem = null;
    }
}
