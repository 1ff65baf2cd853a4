package dev.skiff.protocols.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.provision.FrameDecoder.Decoded;
import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Framing: escapes, CRC, and finding frames again after garbage and damage. */
class FrameDecoderTest {
    /** A payload full of the bytes that need escaping. */
    static final byte[] AWKWARD = {0x7E, 0x7D, 0x20, 0x5E, 0x5D, 0x7E, 0x7E, 0x00, (byte) 0xFF};

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    @Test
    void aFrameSurvivesTheTripWithEveryAwkwardByte() {
        Frame frame = new Frame(FrameType.DEVICE_INFO, 0x7E, AWKWARD);
        byte[] wire = frame.encode();
        for (int i = 1; i < wire.length - 1; i++) {
            assertTrue(wire[i] != 0x7E, "no flag inside the frame, at " + i);
        }
        assertEquals(List.of(new Decoded.Intact(frame)), new FrameDecoder().feed(wire));
    }

    @Test
    void framesArriveWhateverTheChunking() {
        Frame a = new Frame(FrameType.HELLO, 1, "{}".getBytes());
        Frame b = new Frame(FrameType.ACK, 9, new byte[0]);
        byte[] wire = concat(a.encode(), b.encode());
        FrameDecoder decoder = new FrameDecoder();
        List<Decoded> out = new java.util.ArrayList<>();
        for (byte x : wire) {
            out.addAll(decoder.feed(new byte[] {x}));
        }
        assertEquals(List.of(new Decoded.Intact(a), new Decoded.Intact(b)), out);
    }

    @Test
    void noiseBeforeTheFirstFlagIsDroppedUnseen() {
        Frame frame = new Frame(FrameType.HELLO, 3, AWKWARD);
        byte[] bootNoise = "U-Boot 2024.01\r\nStarting kernel ...\r\n".getBytes();
        assertEquals(List.of(new Decoded.Intact(frame)), new FrameDecoder().feed(concat(bootNoise, frame.encode())));
    }

    @Test
    void garbageBetweenFramesIsOneDamagedCandidateAndTheNextFrameIsFound() {
        Frame a = new Frame(FrameType.HELLO, 1, AWKWARD);
        Frame b = new Frame(FrameType.ERROR, 2, "{}".getBytes());
        byte[] garbage = {0x7E, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77, 0x7E};
        List<Decoded> out = new FrameDecoder().feed(concat(a.encode(), garbage, b.encode()));
        assertEquals(List.of(new Decoded.Intact(a), new Decoded.Damaged("CRC-32 mismatch"), new Decoded.Intact(b)), out);
    }

    @Test
    void aFlippedBitAnywhereIsCaught() {
        Frame frame = new Frame(FrameType.ENROLL_REQUEST, 200, "{\"token\":\"abc\"}".getBytes());
        byte[] wire = frame.encode();
        for (int i = 1; i < wire.length - 1; i++) {
            for (int bit = 0; bit < 8; bit++) {
                byte[] damaged = wire.clone();
                damaged[i] ^= (byte) (1 << bit);
                List<Decoded> out = new FrameDecoder().feed(damaged);
                for (Decoded d : out) {
                    assertEquals(Decoded.Damaged.class, d.getClass(), "byte " + i + " bit " + bit + " gave " + out);
                }
            }
        }
    }

    @Test
    void everyFrameSurvivesRandomNoiseAroundItInRandomChunks() {
        java.util.Random random = new java.util.Random(20261125); // fixed: a failure can be replayed
        List<Frame> sent = new java.util.ArrayList<>();
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < 300; i++) {
            byte[] noise = new byte[random.nextInt(40)];
            random.nextBytes(noise);
            wire.writeBytes(noise);
            byte[] payload = new byte[random.nextInt(200)];
            random.nextBytes(payload);
            Frame frame = new Frame(FrameType.values()[random.nextInt(FrameType.values().length)], random.nextInt(256), payload);
            sent.add(frame);
            wire.writeBytes(frame.encode());
        }
        byte[] bytes = wire.toByteArray();
        FrameDecoder decoder = new FrameDecoder();
        List<Frame> intact = new java.util.ArrayList<>();
        for (int from = 0; from < bytes.length; ) {
            int to = Math.min(bytes.length, from + 1 + random.nextInt(64));
            for (Decoded d : decoder.feed(java.util.Arrays.copyOfRange(bytes, from, to))) {
                if (d instanceof Decoded.Intact(Frame f)) {
                    intact.add(f);
                }
            }
            from = to;
        }
        assertEquals(sent, intact);
    }

    @Test
    void shortAndUnknownAndOverlongCandidatesAreDamaged() {
        assertEquals(List.of(new Decoded.Damaged("frame of 3 bytes is shorter than type, sequence and CRC")),
                new FrameDecoder().feed(new byte[] {0x7E, 1, 2, 3, 0x7E}));
        byte[] unknown = new Frame(FrameType.HELLO, 0, new byte[0]).encode();
        unknown[1] = 0x55; // the type byte; fix the CRC so only the type is wrong
        byte[] body = {0x55, 0, 0, 0, 0, 0};
        long crc = Frame.crc(body, 2);
        for (int i = 0; i < 4; i++) {
            body[2 + i] = (byte) (crc >>> (24 - 8 * i));
        }
        byte[] wire = concat(new byte[] {0x7E}, body, new byte[] {0x7E});
        assertEquals(List.of(new Decoded.Damaged("unknown frame type 0x55")), new FrameDecoder().feed(wire));

        byte[] huge = new byte[Frame.MAX_PAYLOAD + 100];
        huge[0] = 0x7E;
        huge[huge.length - 1] = 0x7E;
        assertEquals(List.of(new Decoded.Damaged("frame longer than " + (Frame.MAX_PAYLOAD + 6) + " bytes")),
                new FrameDecoder().feed(huge));
        assertThrows(IllegalArgumentException.class, () -> new Frame(FrameType.HELLO, 0, new byte[Frame.MAX_PAYLOAD + 1]));
    }
}
