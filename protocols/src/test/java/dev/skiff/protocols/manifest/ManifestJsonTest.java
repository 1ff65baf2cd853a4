package dev.skiff.protocols.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ManifestJsonTest {
    private static final String YAML = """
            name: blinky
            version: 1.2.0
            args: [a, "b c"]
            env: {B: "2", A: "1"}
            resources: {memory: 16M, cpu-time: 1500ms}
            restart: {policy: on-failure, backoff: 2s, max-backoff: 1m}
            health: {export: healthy, interval: 250ms}
            volumes: [{name: data, path: /data}]
            capabilities:
              gpio:
                LED: {line: 17, mode: output, initial: high, max-writes-per-second: 100}
                BUTTON: {line: 27, chip: gpiochip1, mode: input, max-events-per-second: 50}
            """;

    @Test
    void jsonReadsBackAsTheSameManifest() throws Exception {
        AppManifest original = ManifestParser.parse(YAML, "skiff.yaml");
        String json = ManifestJson.write(original);
        assertEquals(original, ManifestParser.parse(json, "annotation"));
    }

    @Test
    void equalManifestsGiveEqualBytes() throws Exception {
        String reordered = YAML.replace("env: {B: \"2\", A: \"1\"}", "env: {A: \"1\", B: \"2\"}")
                .replace("{line: 17, mode: output, initial: high,", "{initial: high, mode: output, line: 17, chip: gpiochip0,");
        assertEquals(ManifestJson.write(ManifestParser.parse(YAML, "a")), ManifestJson.write(ManifestParser.parse(reordered, "b")));
    }
}
