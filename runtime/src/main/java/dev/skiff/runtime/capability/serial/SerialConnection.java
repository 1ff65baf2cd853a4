package dev.skiff.runtime.capability.serial;

import java.io.IOException;
import java.time.Duration;

/** One open serial port. Reads wait interruptibly, so a container blocked in one can always be stopped. */
public interface SerialConnection extends AutoCloseable {

    /**
     * Waits up to {@code timeout} for input, then returns what has arrived, at most {@code max}
     * bytes; empty when nothing came in time.
     *
     * @throws InterruptedException when the reading thread is interrupted (the container is stopping)
     */
    byte[] read(int max, Duration timeout) throws IOException, InterruptedException;

    /** Writes every byte. */
    void write(byte[] bytes) throws IOException;

    @Override
    void close();
}
