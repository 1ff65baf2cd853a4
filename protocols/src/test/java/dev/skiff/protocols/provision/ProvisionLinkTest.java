package dev.skiff.protocols.provision;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.api.EnrollRequest;
import dev.skiff.protocols.api.EnrollResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Stop-and-wait over an in-memory cable that damages, drops or pads what crosses it. */
class ProvisionLinkTest {
    /** Where a test waits for the other thread: margins for a loaded machine, never reached when all goes well. */
    static final Duration WAIT = Duration.ofSeconds(60);
    /** Where repeats are not the point: a NAK gets an immediate repeat, a timeout never comes into play. */
    static final ProvisionLink.Settings PATIENT = new ProvisionLink.Settings(WAIT, 4, Integer.MAX_VALUE);
    /** Where repeats after a timeout are the point; a slow peer thread only adds repeats. */
    static final ProvisionLink.Settings FAST = new ProvisionLink.Settings(Duration.ofMillis(300), 50, Integer.MAX_VALUE);

    final List<String> notes = new CopyOnWriteArrayList<>();
    final java.util.concurrent.ExecutorService pool = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    /** Applies {@code change} to the {@code n}th write (1-based) of messages, leaving ACK/NAK frames alone. */
    static UnaryOperator<byte[]> onMessageWrite(int n, UnaryOperator<byte[]> change) {
        AtomicInteger count = new AtomicInteger();
        return bytes -> {
            return !isControl(bytes) && count.incrementAndGet() == n ? change.apply(bytes) : bytes;
        };
    }

    /** One encoded frame written at once: its type byte follows the flag (and never needs an escape). */
    static boolean isControl(byte[] wire) {
        return wire[1] == FrameType.ACK.code || wire[1] == FrameType.NAK.code;
    }

    static byte[] flipMiddleByte(byte[] bytes) {
        bytes[bytes.length / 2] ^= 0x01;
        return bytes;
    }

    /** The device's side: answers one HELLO with a DEVICE_INFO. */
    Future<ProvisionMessages.Hello> device(ProvisionLink link) {
        return pool.submit(() -> {
            Frame hello = link.receive(WAIT).orElseThrow();
            link.send(FrameType.DEVICE_INFO, ProvisionMessages.encode(
                    new ProvisionMessages.DeviceInfo(1, "pi", "KEY", "127.0.0.1:7443", "s.p", null)));
            return ProvisionMessages.decode(hello, ProvisionMessages.Hello.class);
        });
    }

    ProvisionMessages.DeviceInfo hello(ProvisionLink link) throws Exception {
        return link.request(FrameType.HELLO, new ProvisionMessages.Hello(1, "session-1"),
                FrameType.DEVICE_INFO, ProvisionMessages.DeviceInfo.class, WAIT);
    }

    @Test
    void aRequestGetsItsAnswer() throws Exception {
        MemoryCable cable = new MemoryCable();
        Future<ProvisionMessages.Hello> device = device(new ProvisionLink(cable.b, PATIENT, notes::add));
        assertEquals("127.0.0.1:7443", hello(new ProvisionLink(cable.a, PATIENT, notes::add)).apiAddress());
        assertEquals("session-1", device.get(WAIT.toSeconds(), TimeUnit.SECONDS).session());
        assertEquals(List.of(), notes);
    }

    @Test
    void aCorruptedFrameIsRejectedWithANakAndSentAgain() throws Exception {
        MemoryCable cable = new MemoryCable(onMessageWrite(1, ProvisionLinkTest::flipMiddleByte), UnaryOperator.identity());
        Future<ProvisionMessages.Hello> device = device(new ProvisionLink(cable.b, PATIENT, notes::add));
        assertEquals("pi", hello(new ProvisionLink(cable.a, PATIENT, notes::add)).deviceName());
        assertEquals("session-1", device.get(WAIT.toSeconds(), TimeUnit.SECONDS).session());
        assertTrue(notes.contains("damaged frame (CRC-32 mismatch); asked for it again"), notes.toString());
        assertTrue(notes.contains("the other side got a damaged frame; sending HELLO again (attempt 2 of 4)"), notes.toString());
    }

    @Test
    void garbageBetweenFramesDoesNotDisturbTheConversation() throws Exception {
        byte[] garbage = {0x7E, 0x13, 0x37, 0x7E, 0x00, 0x7E};
        MemoryCable cable = new MemoryCable(onMessageWrite(1, b -> FrameDecoderTest.concat(garbage, b, garbage)),
                onMessageWrite(1, b -> FrameDecoderTest.concat(b, garbage)));
        Future<ProvisionMessages.Hello> device = device(new ProvisionLink(cable.b, PATIENT, notes::add));
        assertEquals("pi", hello(new ProvisionLink(cable.a, PATIENT, notes::add)).deviceName());
        assertEquals("session-1", device.get(WAIT.toSeconds(), TimeUnit.SECONDS).session());
    }

    @Test
    void aLostFrameIsSentAgainAfterTheTimeoutAndALostAckDeliversOnce() throws Exception {
        AtomicInteger acks = new AtomicInteger();
        // a -> b: the first HELLO vanishes; b -> a: b's first ACK vanishes, so a repeats HELLO once more
        MemoryCable cable = new MemoryCable(onMessageWrite(1, b -> new byte[0]),
                bytes -> bytes[1] == FrameType.ACK.code && acks.incrementAndGet() == 1 ? new byte[0] : bytes);
        ProvisionLink device = new ProvisionLink(cable.b, FAST, notes::add);
        ProvisionLink operator = new ProvisionLink(cable.a, FAST, notes::add);
        Future<List<Frame>> delivered = pool.submit(() -> {
            Frame first = device.receive(WAIT).orElseThrow();
            // the repeat HELLO comes in here, is acknowledged, and is not delivered again
            return device.receive(Duration.ofSeconds(2)).map(second -> List.of(first, second)).orElse(List.of(first));
        });
        operator.send(FrameType.HELLO, new byte[] {1});
        List<Frame> frames = delivered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals(1, frames.size(), frames.toString());
        assertArrayEquals(new byte[] {1}, frames.getFirst().payload());
        assertTrue(notes.stream().filter(n -> n.startsWith("no acknowledgement within 300 ms")).count() >= 2, notes.toString());
    }

    @Test
    void nobodyListeningFailsAfterEveryAttempt() {
        MemoryCable cable = new MemoryCable();
        var e = assertThrows(ProvisionException.class,
                () -> new ProvisionLink(cable.a, new ProvisionLink.Settings(Duration.ofMillis(300), 4, Integer.MAX_VALUE), notes::add).send(FrameType.HELLO, new byte[0]));
        assertEquals("no acknowledgement for HELLO after 4 attempts; check the cable and the baud rate,"
                + " and that the other side is listening on this line", e.getMessage());
        assertEquals(3, notes.size(), notes.toString());
    }

    @Test
    void anErrorAnswerIsThrownWithItsMessage() throws Exception {
        MemoryCable cable = new MemoryCable();
        ProvisionLink device = new ProvisionLink(cable.b, PATIENT, notes::add);
        Future<?> refusal = pool.submit(() -> {
            device.receive(WAIT).orElseThrow();
            device.send(FrameType.ERROR, ProvisionMessages.encode(new ProvisionMessages.Failure("wrong enrollment token")));
            return null;
        });
        var e = assertThrows(ProvisionException.class, () -> new ProvisionLink(cable.a, PATIENT, notes::add)
                .request(FrameType.ENROLL_REQUEST, new EnrollRequest("t", "ca", "cert", null), FrameType.ENROLL_RESPONSE,
                        EnrollResponse.class, WAIT));
        assertEquals("wrong enrollment token", e.getMessage());
        refusal.get(WAIT.toSeconds(), TimeUnit.SECONDS);
    }

    @Test
    void aMalformedPayloadIsNamed() {
        Frame frame = new Frame(FrameType.DEVICE_INFO, 0, "{not json".getBytes());
        var e = assertThrows(ProvisionException.class, () -> ProvisionMessages.decode(frame, ProvisionMessages.DeviceInfo.class));
        assertTrue(e.getMessage().startsWith("malformed DEVICE_INFO payload: "), e.getMessage());
    }
}
