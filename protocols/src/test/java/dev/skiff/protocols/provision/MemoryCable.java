package dev.skiff.protocols.provision;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.function.UnaryOperator;

/** Two {@link SerialLine} ends joined in memory; what an end writes may be tampered with on the way. */
final class MemoryCable {
    final End a;
    final End b;

    MemoryCable(UnaryOperator<byte[]> aToB, UnaryOperator<byte[]> bToA) {
        Buffer toB = new Buffer();
        Buffer toA = new Buffer();
        a = new End(toA, toB, aToB);
        b = new End(toB, toA, bToA);
    }

    MemoryCable() {
        this(UnaryOperator.identity(), UnaryOperator.identity());
    }

    private static final class Buffer {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        synchronized void put(byte[] data) {
            bytes.writeBytes(data);
            notifyAll();
        }

        synchronized byte[] take(int max, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (bytes.size() == 0) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new byte[0];
                }
                wait(Math.max(1, left / 1_000_000));
            }
            byte[] all = bytes.toByteArray();
            int n = Math.min(max, all.length);
            bytes.reset();
            bytes.write(all, n, all.length - n);
            return java.util.Arrays.copyOf(all, n);
        }
    }

    static final class End implements SerialLine {
        private final Buffer in;
        private final Buffer out;
        private final UnaryOperator<byte[]> tamper;

        private End(Buffer in, Buffer out, UnaryOperator<byte[]> tamper) {
            this.in = in;
            this.out = out;
            this.tamper = tamper;
        }

        @Override
        public byte[] read(int max, Duration timeout) throws InterruptedException {
            return in.take(max, timeout);
        }

        @Override
        public void write(byte[] bytes) {
            out.put(tamper.apply(bytes.clone()));
        }
    }
}
