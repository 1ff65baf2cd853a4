package dev.skiff.agent.logs;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Persisted, rotated logs per app: {@code DIR/APP/current.log}, rotated to {@code current.log.1}
 * (newest) … {@code current.log.N} once it would pass {@code maxBytes}; older files are dropped,
 * so an app's logs never take more than about (N+1) × maxBytes. Every line starts with its RFC 3339
 * UTC time and stream name. Lines are written through as they come (no fsync: losing the last
 * lines in a power cut is acceptable for logs, an fsync per line is not for the SD card).
 */
public final class LogStore {
    private static final String CURRENT = "current.log";

    private final Path dir;
    private final long maxBytes;
    private final int rotatedFiles;
    private final Map<String, AppLog> apps = new ConcurrentHashMap<>();

    public LogStore(Path dir, long maxBytes, int rotatedFiles) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        this.rotatedFiles = rotatedFiles;
    }

    /** An output stream for one stream ({@code stdout}, {@code stderr}) of an app's container. */
    public OutputStream writer(String app, String stream) {
        AppLog log = log(app);
        // stored times have milliseconds: followers get the very lines a later read returns
        return new LineSplitter(text -> log.append(new LogLine(Instant.now().truncatedTo(ChronoUnit.MILLIS), stream, text)));
    }

    /** Everything kept for the app, oldest first. */
    public List<LogLine> read(String app) throws IOException {
        AppLog log = log(app);
        synchronized (log) {
            List<LogLine> lines = new ArrayList<>();
            for (int i = rotatedFiles; i >= 0; i--) {
                try {
                    Files.readAllLines(file(app, i), StandardCharsets.UTF_8).stream().map(LogLine::parse)
                            .filter(Objects::nonNull).forEach(lines::add);
                } catch (NoSuchFileException e) {
                    // not rotated that far yet
                }
            }
            return lines;
        }
    }

    /** Calls {@code listener} with every new line of the app until the returned handle is closed. */
    public AutoCloseable follow(String app, LogListener listener) {
        AppLog log = log(app);
        log.listeners.add(listener);
        return () -> log.listeners.remove(listener);
    }

    /** Deletes the app's logs (the app was removed). */
    public void delete(String app) throws IOException {
        AppLog log = log(app);
        synchronized (log) {
            for (int i = 0; i <= rotatedFiles; i++) {
                Files.deleteIfExists(file(app, i));
            }
            Files.deleteIfExists(dir.resolve(app));
        }
        apps.remove(app, log);
    }

    /** {@code current.log} for 0, else its N-th rotation. */
    Path file(String app, int rotation) {
        return dir.resolve(app).resolve(rotation == 0 ? CURRENT : CURRENT + "." + rotation);
    }

    private AppLog log(String app) {
        return apps.computeIfAbsent(app, AppLog::new);
    }

    /** One app's log; its monitor orders writes, rotations and reads. */
    private final class AppLog {
        private final String app;
        private final List<LogListener> listeners = new CopyOnWriteArrayList<>();

        AppLog(String app) {
            this.app = app;
        }

        void append(LogLine line) {
            byte[] bytes = (line.format() + "\n").getBytes(StandardCharsets.UTF_8);
            synchronized (this) {
                try {
                    Path current = file(app, 0);
                    Files.createDirectories(current.getParent());
                    if (Files.exists(current) && Files.size(current) + bytes.length > maxBytes) {
                        rotate();
                    }
                    // a plain stream, not Files.write: NIO would keep a buffer cache (and a direct buffer) per writing
                    // thread, and every guest thread writes here; with a thousand idle containers that adds up
                    try (FileOutputStream out = new FileOutputStream(current.toFile(), true)) {
                        out.write(bytes);
                    }
                } catch (IOException e) {
                    // the guest must not die of a full disk; the line is lost, listeners still see it
                }
            }
            listeners.forEach(l -> l.onLine(line));
        }

        private void rotate() throws IOException {
            Files.deleteIfExists(file(app, rotatedFiles));
            for (int i = rotatedFiles - 1; i >= 0; i--) {
                if (Files.exists(file(app, i))) {
                    Files.move(file(app, i), file(app, i + 1), StandardCopyOption.ATOMIC_MOVE);
                }
            }
        }
    }
}
