package dev.skiff.agent.deploy;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** A guest's stdout or stderr kept in memory up to a limit; what comes after is counted and dropped. */
final class CapturedOutput extends OutputStream {
    private final ByteArrayOutputStream kept = new ByteArrayOutputStream();
    private final int limit;
    private boolean truncated;

    CapturedOutput(int limit) {
        this.limit = limit;
    }

    @Override
    public synchronized void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        int room = Math.min(length, limit - kept.size());
        kept.write(bytes, offset, room);
        truncated |= room < length;
    }

    synchronized boolean truncated() {
        return truncated;
    }

    /** What was kept, as UTF-8 (invalid sequences replaced). */
    synchronized String text() {
        return kept.toString(StandardCharsets.UTF_8);
    }
}
