package dev.skiff.agent.logs;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * A container's stdout or stderr: collects bytes into lines and hands each complete line on. A
 * guest that never writes a newline cannot grow the buffer without bound: at {@link #MAX_LINE}
 * bytes the line is cut. The agent's logs and the workbench's Board view use it.
 */
public final class LineSplitter extends OutputStream {
    static final int MAX_LINE = 16 * 1024;

    private final Consumer<String> sink;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();

    public LineSplitter(Consumer<String> sink) {
        this.sink = sink;
    }

    @Override
    public synchronized void write(int b) {
        if (b == '\n') {
            emit();
            return;
        }
        pending.write(b);
        if (pending.size() >= MAX_LINE) {
            emit();
        }
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) {
        for (int i = off; i < off + len; i++) {
            write(b[i]);
        }
    }

    /** The guest ended: a last line without a newline is still a line. */
    @Override
    public synchronized void close() {
        if (pending.size() > 0) {
            emit();
        }
    }

    private void emit() {
        String line = pending.toString(StandardCharsets.UTF_8);
        pending.reset();
        sink.accept(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
    }
}
