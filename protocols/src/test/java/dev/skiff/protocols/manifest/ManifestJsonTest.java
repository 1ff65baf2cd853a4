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
            """;

    @Test
    void jsonReadsBackAsTheSameManifest() throws Exception {
        AppManifest original = ManifestParser.parse(YAML, "skiff.yaml");
        String json = ManifestJson.write(original);
        assertEquals(original, ManifestParser.parse(json, "annotation"));
    }

    @Test
    void equalManifestsGiveEqualBytes() throws Exception {
        String reordered = YAML.replace("env: {B: \"2\", A: \"1\"}", "env: {A: \"1\", B: \"2\"}");
        assertEquals(ManifestJson.write(ManifestParser.parse(YAML, "a")), ManifestJson.write(ManifestParser.parse(reordered, "b")));
    }
}
