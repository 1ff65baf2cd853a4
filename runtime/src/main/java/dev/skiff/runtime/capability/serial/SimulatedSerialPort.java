package dev.skiff.runtime.capability.serial;

import dev.skiff.protocols.manifest.SerialGrant;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The simulated board's serial ports, in memory: every device path is a line with a
 * {@link Console} at the far end, where a test or the workbench types what the guest reads and
 * sees what it writes. Line settings do not matter here; the same {@code .wasm} runs unchanged.
 */
public final class SimulatedSerialPort implements SerialBackend {
    private final Map<String, Console> consoles = new HashMap<>();

    /** The far end of {@code device}, whether or not a guest has opened it yet. */
    public synchronized Console console(String device) {
        return consoles.computeIfAbsent(device, d -> new Console());
    }

    @Override
    public SerialConnection open(SerialGrant grant) {
        return console(grant.device()).new Connection();
    }

    /** The far end of one simulated line. */
    public static final class Console {
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition arrived = lock.newCondition();
        private final ByteArrayOutputStream toGuest = new ByteArrayOutputStream();
        private final ByteArrayOutputStream fromGuest = new ByteArrayOutputStream();
        private final List<Consumer<byte[]>> listeners = new CopyOnWriteArrayList<>();

        private Console() {}

        /** Bytes for the guest to read. */
        public void send(byte[] bytes) {
            lock.lock();
            try {
                toGuest.writeBytes(bytes);
                arrived.signalAll();
            } finally {
                lock.unlock();
            }
        }

        /** Everything the guest has written so far. */
        public byte[] received() {
            lock.lock();
            try {
                return fromGuest.toByteArray();
            } finally {
                lock.unlock();
            }
        }

        /** Called with each write of the guest, on its thread. */
        public void addListener(Consumer<byte[]> listener) {
            listeners.add(listener);
        }

        private final class Connection implements SerialConnection {
            @Override
            public byte[] read(int max, Duration timeout) throws InterruptedException {
                long nanos = timeout.toNanos();
                lock.lockInterruptibly();
                try {
                    while (toGuest.size() == 0 && nanos > 0) {
                        nanos = arrived.awaitNanos(nanos);
                    }
                    byte[] all = toGuest.toByteArray();
                    int n = Math.min(all.length, max);
                    toGuest.reset();
                    toGuest.write(all, n, all.length - n);
                    return Arrays.copyOf(all, n);
                } finally {
                    lock.unlock();
                }
            }

            @Override
            public void write(byte[] bytes) {
                lock.lock();
                try {
                    fromGuest.writeBytes(bytes);
                } finally {
                    lock.unlock();
                }
                listeners.forEach(listener -> listener.accept(bytes.clone()));
            }

            @Override
            public void close() {
                // nothing is held: the line stays, and a later container can open it again
            }
        }
    }
}
