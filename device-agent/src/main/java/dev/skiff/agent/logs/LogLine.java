package dev.skiff.agent.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/** One line a container wrote, with when and on which stream. */
public record LogLine(Instant at, String stream, String text) {
    /** RFC 3339 in UTC with fixed milliseconds, so lines line up and sort as text. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The line as stored: {@code 2025-01-31T12:00:00.123Z stdout text}. */
    public String format() {
        return TIME.format(at) + " " + stream + " " + text;
    }

    /** Reads a stored line back; null when it is not one (a torn last line after a crash). */
    static LogLine parse(String stored) {
        int first = stored.indexOf(' ');
        int second = first < 0 ? -1 : stored.indexOf(' ', first + 1);
        if (second < 0) {
            return null;
        }
        try {
            return new LogLine(Instant.from(TIME.parse(stored.substring(0, first))), stored.substring(first + 1, second),
                    stored.substring(second + 1));
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
