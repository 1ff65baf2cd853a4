package dev.skiff.runtime.wasi;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Stdin for a guest that a stop can interrupt. {@code InputStream.read} on a pipe or terminal
 * ignores {@link Thread#interrupt()}, so a pump thread does the blocking read and the guest waits
 * on a queue instead. The pump starts on the first read, so a guest that never reads stdin
 * consumes none of it.
 */
public final class InterruptibleInput extends InputStream {
    private static final byte[] EOF = new byte[0];

    private final InputStream source;
    private final BlockingQueue<byte[]> chunks = new ArrayBlockingQueue<>(16);
    private byte[] current = new byte[0];
    private int position;
    private boolean started;
    private boolean finished;

    public InterruptibleInput(InputStream source) {
        this.source = source;
    }

    @Override
    public synchronized int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (!fill(true)) {
            return -1;
        }
        int n = Math.min(length, current.length - position);
        System.arraycopy(current, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public synchronized int available() throws IOException {
        fill(false);
        return current.length - position;
    }

    /** Makes {@code current} hold unread bytes; false at end of input. */
    private boolean fill(boolean block) throws IOException {
        while (position == current.length) {
            if (finished) {
                return false;
            }
            startPump();
            byte[] next;
            try {
                next = block ? chunks.take() : chunks.poll();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // let the engine see the stop request
                throw new InterruptedIOException("stdin read interrupted");
            }
            if (next == null) {
                return true; // nothing yet, non-blocking
            }
            if (next == EOF) {
                finished = true;
                return false;
            }
            current = next;
            position = 0;
        }
        return true;
    }

    private void startPump() {
        if (started) {
            return;
        }
        started = true;
        Thread pump = new Thread(this::pump, "skiff-stdin");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        byte[] buffer = new byte[8192];
        try {
            int n;
            while ((n = source.read(buffer)) >= 0) {
                if (n > 0) {
                    chunks.put(Arrays.copyOf(buffer, n));
                }
            }
        } catch (IOException | InterruptedException e) {
            // end of input as far as the guest is concerned
        }
        try {
            chunks.put(EOF);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
