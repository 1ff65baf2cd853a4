package dev.skiff.agent.metrics;

import java.util.Locale;
import java.util.Map;

/**
 * Writes the Prometheus text exposition format, version 0.0.4: per family a {@code # HELP} and
 * a {@code # TYPE} line, then its samples. A few dozen lines of writing needs no client library,
 * and keeps the agent's dependencies (and footprint) where they are.
 */
public final class PrometheusText {
    /** What the format's {@code Content-Type} must say, so scrapers parse it as this version. */
    public static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    /** The metric types this agent exposes. */
    public enum Type {
        COUNTER, GAUGE;

        String keyword() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final StringBuilder text = new StringBuilder();
    private String family;

    /** Starts a family; its samples follow with {@link #sample}. */
    public PrometheusText family(String name, Type type, String help) {
        family = name;
        text.append("# HELP ").append(name).append(' ').append(escapeHelp(help)).append('\n');
        text.append("# TYPE ").append(name).append(' ').append(type.keyword()).append('\n');
        return this;
    }

    /** A sample of the current family; labels are written in the map's order. */
    public PrometheusText sample(Map<String, String> labels, double value) {
        if (family == null) {
            throw new IllegalStateException("a sample needs a family first");
        }
        text.append(family);
        if (!labels.isEmpty()) {
            text.append('{');
            String separator = "";
            for (Map.Entry<String, String> label : labels.entrySet()) {
                text.append(separator).append(label.getKey()).append("=\"").append(escapeLabelValue(label.getValue())).append('"');
                separator = ",";
            }
            text.append('}');
        }
        return append(value);
    }

    public PrometheusText sample(double value) {
        return sample(Map.of(), value);
    }

    private PrometheusText append(double value) {
        text.append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            text.append((long) value); // counts and byte sizes read as integers
        } else {
            text.append(Double.isNaN(value) ? "NaN" : Double.isInfinite(value) ? (value > 0 ? "+Inf" : "-Inf") : Double.toString(value));
        }
        text.append('\n');
        return this;
    }

    @Override
    public String toString() {
        return text.toString();
    }

    /** Label values escape backslash, double quote and line feed (the format's three). */
    static String escapeLabelValue(String value) {
        return value.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n");
    }

    /** Help text escapes backslash and line feed only. */
    static String escapeHelp(String help) {
        return help.replace("\\", "\\\\").replace("\n", "\\n");
    }
}
