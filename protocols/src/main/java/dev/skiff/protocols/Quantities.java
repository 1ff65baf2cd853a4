package dev.skiff.protocols;

import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Sizes ({@code 64M}, {@code 1G}) and durations ({@code 5s}, {@code 250ms}, {@code 2m}) as users write them. */
public final class Quantities {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kKmMgG]?)(i?[bB])?");
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private Quantities() {}

    /** Bytes from {@code 1048576}, {@code 512K}, {@code 64M}, {@code 64MiB}, {@code 1G} (binary units). */
    public static long parseBytes(String text) {
        Matcher m = SIZE.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a size; write e.g. 64M, 512K or 1G");
        }
        long value = Long.parseLong(m.group(1));
        int shift =
                switch (m.group(2).toUpperCase(Locale.ROOT)) {
                    case "K" -> 10;
                    case "M" -> 20;
                    case "G" -> 30;
                    default -> 0;
                };
        if (value > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("'" + text + "' is too large");
        }
        return value << shift;
    }

    /** A duration from {@code 250ms}, {@code 5s}, {@code 2m} or {@code 1h}. */
    public static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a duration; write e.g. 250ms, 5s, 2m or 1h");
        }
        long value = Long.parseLong(m.group(1));
        return switch (m.group(2)) {
            case "ms" -> Duration.ofMillis(value);
            case "s" -> Duration.ofSeconds(value);
            case "m" -> Duration.ofMinutes(value);
            default -> Duration.ofHours(value);
        };
    }

    public static String formatBytes(long bytes) {
        if (bytes % (1L << 30) == 0 && bytes > 0) {
            return (bytes >> 30) + " GiB";
        }
        if (bytes % (1L << 20) == 0 && bytes > 0) {
            return (bytes >> 20) + " MiB";
        }
        if (bytes >= (1L << 20)) {
            return String.format(Locale.ROOT, "%.1f MiB", bytes / (double) (1L << 20));
        }
        if (bytes % (1L << 10) == 0 && bytes > 0) {
            return (bytes >> 10) + " KiB";
        }
        return bytes + " bytes";
    }

    public static String formatDuration(Duration d) {
        if (d.toMillis() % 1000 != 0 || d.isZero()) {
            return d.toMillis() + "ms";
        }
        return d.toSeconds() + "s";
    }
}
