package dev.skiff.protocols.provision;

import dev.skiff.protocols.provision.FrameDecoder.Decoded;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Reliable messages over a {@link SerialLine}, stop-and-wait: each message frame is repeated
 * until the peer acknowledges it (ACK with its sequence number), at once on a NAK, else after
 * {@code ackTimeout}, at most {@code attempts} times. Damaged frames are answered with a NAK; a
 * message that arrives twice (its ACK was lost) is acknowledged again but delivered once. The
 * protocol is request and response, so a peer's next message also proves it got ours.
 * Not thread-safe: one conversation at a time.
 */
public final class ProvisionLink {
    /**
     * @param ackTimeout how long an ACK may take beyond the time the frame needs on the wire
     * @param baud the line's speed, which sets that time (about 10 bits a byte)
     */
    public record Settings(Duration ackTimeout, int attempts, int baud) {
        /** How a line at {@code baud} is used: a 2 s margin, 5 attempts. */
        public static Settings forBaud(int baud) {
            return new Settings(Duration.ofSeconds(2), 5, baud);
        }

        /** The frame's time on the wire (and its ACK's) plus the margin. */
        Duration ackTimeout(int frameBytes) {
            return ackTimeout.plusNanos((frameBytes + 16) * 10L * 1_000_000_000L / baud);
        }
    }

    private static final int READ_CHUNK = 4096;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SerialLine line;
    private final Settings settings;
    private final Consumer<String> notes;
    private final FrameDecoder decoder = new FrameDecoder();
    private final Deque<Decoded> decoded = new ArrayDeque<>();
    private final Deque<Frame> inbox = new ArrayDeque<>();
    private int nextSeq = RANDOM.nextInt(256);
    private Frame lastDelivered;

    /** @param notes told about damaged frames and repeats, for the user to see what the line does */
    public ProvisionLink(SerialLine line, Settings settings, Consumer<String> notes) {
        this.line = line;
        this.settings = settings;
        this.notes = notes;
    }

    /** Sends one message and waits until the peer has it. */
    public void send(FrameType type, byte[] payload) throws IOException, InterruptedException {
        if (type.isControl()) {
            throw new IllegalArgumentException(type + " is sent by the link itself");
        }
        Frame frame = new Frame(type, nextSeq, payload);
        nextSeq = (nextSeq + 1) & 0xff;
        byte[] wire = frame.encode();
        for (int attempt = 1; attempt <= settings.attempts(); attempt++) {
            line.write(wire);
            String outcome = awaitAck(frame.seq(), settings.ackTimeout(wire.length));
            if (outcome == null) {
                return;
            }
            if (attempt < settings.attempts()) {
                notes.accept(outcome + "; sending " + type + " again (attempt " + (attempt + 1) + " of " + settings.attempts() + ")");
            }
        }
        throw new ProvisionException("no acknowledgement for " + type + " after " + settings.attempts()
                + " attempts; check the cable and the baud rate, and that the other side is listening on this line");
    }

    /** The next message from the peer, or empty when none came within {@code timeout}. */
    public Optional<Frame> receive(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (inbox.isEmpty()) {
            Decoded next = next(deadline);
            if (next == null) {
                return Optional.empty();
            }
            if (next instanceof Decoded.Intact intact && !intact.frame().type().isControl()) {
                accept(intact.frame());
            } else if (next instanceof Decoded.Damaged damaged) {
                nak(damaged);
            } // a stray ACK or NAK: nothing of ours is waiting for it
        }
        return Optional.of(inbox.poll());
    }

    /** Sends a request and waits for the answer of type {@code expected}; an ERROR answer is thrown. */
    public <T> T request(FrameType type, Object message, FrameType expected, Class<T> answer, Duration timeout)
            throws IOException, InterruptedException {
        send(type, ProvisionMessages.encode(message));
        Frame reply = receive(timeout).orElseThrow(() -> new ProvisionException(
                "no answer to " + type + " within " + timeout.toSeconds() + " s"));
        if (reply.type() == FrameType.ERROR) {
            throw new ProvisionException(ProvisionMessages.decode(reply, ProvisionMessages.Failure.class).message());
        }
        if (reply.type() != expected) {
            throw new ProvisionException("the answer to " + type + " was " + reply.type() + ", not " + expected);
        }
        return ProvisionMessages.decode(reply, answer);
    }

    /** Null once {@code seq} is acknowledged; else why it was not (for the note about the repeat). */
    private String awaitAck(int seq, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Decoded next = next(deadline);
            if (next == null) {
                return "no acknowledgement within " + timeout.toMillis() + " ms";
            }
            switch (next) {
                case Decoded.Damaged damaged -> nak(damaged);
                case Decoded.Intact(Frame f) when f.type() == FrameType.ACK && f.seq() == seq -> {
                    return null;
                }
                case Decoded.Intact(Frame f) when f.type() == FrameType.NAK -> {
                    return "the other side got a damaged frame";
                }
                case Decoded.Intact(Frame f) when !f.type().isControl() -> {
                    if (accept(f)) {
                        return null; // its answer: it had our message
                    }
                }
                case Decoded.Intact ignored -> {} // an ACK of an earlier frame
            }
        }
    }

    /** Acknowledges a message frame; true when it is new (queued for delivery), false for a repeat. */
    private boolean accept(Frame frame) throws IOException, InterruptedException {
        line.write(new Frame(FrameType.ACK, frame.seq(), new byte[0]).encode());
        if (frame.equals(lastDelivered)) {
            return false;
        }
        lastDelivered = frame;
        inbox.add(frame);
        return true;
    }

    private void nak(Decoded.Damaged damaged) throws IOException, InterruptedException {
        notes.accept("damaged frame (" + damaged.problem() + "); asked for it again");
        line.write(new Frame(FrameType.NAK, 0, new byte[0]).encode());
    }

    /** The next candidate off the line, or null at the deadline. */
    private Decoded next(long deadline) throws IOException, InterruptedException {
        while (decoded.isEmpty()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return null;
            }
            decoded.addAll(decoder.feed(line.read(READ_CHUNK, Duration.ofNanos(left))));
        }
        return decoded.poll();
    }
}
