package dev.skiff.it;

import java.io.ByteArrayOutputStream;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;

/**
 * The test's side of a pty: writes go straight out, reads are collected by a daemon thread (a
 * pty read cannot be interrupted) so the test waits for bytes with a time limit.
 */
final class PtyEnd implements AutoCloseable {
    private final FileOutputStream out;
    private final FileInputStream in;
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();

    PtyEnd(String device) throws IOException {
        out = new FileOutputStream(device);
        in = new FileInputStream(device);
        Thread reader = new Thread(this::collect, "pty-reader " + device);
        reader.setDaemon(true);
        reader.start();
    }

    private void collect() {
        byte[] buf = new byte[4096];
        try {
            for (int n; (n = in.read(buf)) >= 0; ) {
                synchronized (received) {
                    received.write(buf, 0, n);
                    received.notifyAll();
                }
            }
        } catch (IOException e) {
            // the pty went away (socat stopped): nothing more will come
        }
    }

    void write(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** The first {@code n} bytes that arrived, waiting up to {@code timeout} for them. */
    byte[] await(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (received) {
            while (received.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("got " + received.size() + " of " + n + " bytes in " + timeout + ": "
                            + Arrays.toString(received.toByteArray()));
                }
                received.wait(Math.max(1, left / 1_000_000));
            }
            return Arrays.copyOf(received.toByteArray(), n);
        }
    }

    @Override
    public void close() throws IOException {
        out.close();
        in.close();
    }
}
