package dev.skiff.agent.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.skiff.agent.metrics.PrometheusText.Type;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PrometheusTextTest {
    @Test
    void writesHelpTypeAndSamplesInOrder() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app", "web");
        labels.put("release", "3");
        String text = new PrometheusText()
                .family("skiff_x_total", Type.COUNTER, "Things counted.").sample(labels, 4)
                .family("skiff_y_bytes", Type.GAUGE, "A size.").sample(1048576)
                .family("skiff_z_seconds_total", Type.COUNTER, "Time.").sample(0.25)
                .toString();
        assertEquals("""
                # HELP skiff_x_total Things counted.
                # TYPE skiff_x_total counter
                skiff_x_total{app="web",release="3"} 4
                # HELP skiff_y_bytes A size.
                # TYPE skiff_y_bytes gauge
                skiff_y_bytes 1048576
                # HELP skiff_z_seconds_total Time.
                # TYPE skiff_z_seconds_total counter
                skiff_z_seconds_total 0.25
                """, text);
    }

    @Test
    void labelValuesAndHelpAreEscapedAndReadBack() {
        String nasty = "a \"quoted\" back\\slash and\nline";
        String text = new PrometheusText().family("m", Type.GAUGE, "help with \\ and\nnewline").sample(Map.of("v", nasty), 1).toString();
        assertEquals("# HELP m help with \\\\ and\\nnewline", text.lines().findFirst().orElseThrow());
        assertEquals("m{v=\"a \\\"quoted\\\" back\\\\slash and\\nline\"} 1", text.lines().toList().get(2));
        assertEquals(nasty, Exposition.parse(text).samples("m").getFirst().labels().get("v"));
    }

    @Test
    void specialValuesUseTheFormatsSpelling() {
        String text = new PrometheusText().family("m", Type.GAUGE, "h")
                .sample(Map.of("k", "nan"), Double.NaN).sample(Map.of("k", "inf"), Double.POSITIVE_INFINITY).sample(Map.of("k", "big"), 1e20)
                .toString();
        Exposition parsed = Exposition.parse(text);
        assertEquals(Double.NaN, parsed.value("m", Map.of("k", "nan")));
        assertEquals(Double.POSITIVE_INFINITY, parsed.value("m", Map.of("k", "inf")));
        assertEquals(1e20, parsed.value("m", Map.of("k", "big")));
    }

    @Test
    void aSampleNeedsAFamily() {
        assertThrows(IllegalStateException.class, () -> new PrometheusText().sample(1));
    }
}
