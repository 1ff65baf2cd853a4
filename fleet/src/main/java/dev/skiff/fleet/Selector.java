package dev.skiff.fleet;

import java.util.Map;
import java.util.TreeMap;

/** Which devices a command means: every label given must match ({@code site=berlin,ring=canary}); no labels match all. */
public record Selector(Map<String, String> labels) {
    public static final Selector ALL = new Selector(Map.of());

    public Selector {
        labels = Map.copyOf(labels);
    }

    /** @throws IllegalArgumentException naming the part that is not {@code key=value} */
    public static Selector parse(String text) {
        if (text == null || text.isBlank()) {
            return ALL;
        }
        Map<String, String> labels = new TreeMap<>();
        for (String part : text.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0 || eq == part.length() - 1) {
                throw new IllegalArgumentException("selector '" + text + "': '" + part + "' is not key=value (e.g. --selector site=berlin,ring=canary)");
            }
            labels.put(part.substring(0, eq).strip(), part.substring(eq + 1).strip());
        }
        return new Selector(labels);
    }

    public boolean matches(Map<String, String> deviceLabels) {
        return labels.entrySet().stream().allMatch(e -> e.getValue().equals(deviceLabels.get(e.getKey())));
    }

    @Override
    public String toString() {
        return String.join(",", new TreeMap<>(labels).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).toList());
    }
}
