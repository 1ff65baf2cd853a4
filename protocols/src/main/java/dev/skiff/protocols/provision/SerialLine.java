package dev.skiff.protocols.provision;

import java.io.IOException;
import java.time.Duration;

/** A byte line (a serial port, a pty, a pipe in tests) that provisioning frames travel over. */
public interface SerialLine {

    /**
     * Waits up to {@code timeout} for input, then returns what has arrived, at most {@code max}
     * bytes; empty when nothing came in time.
     *
     * @throws InterruptedException when the reading thread is interrupted
     */
    byte[] read(int max, Duration timeout) throws IOException, InterruptedException;

    /**
     * Writes every byte.
     *
     * @throws InterruptedException when the writing thread is interrupted while the line drains
     */
    void write(byte[] bytes) throws IOException, InterruptedException;
}
