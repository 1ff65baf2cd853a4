package dev.skiff.protocols.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.AppManifest.HealthCheck;
import dev.skiff.protocols.manifest.AppManifest.RestartPolicy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ManifestParserTest {

    @Test
    void fullManifest() throws Exception {
        AppManifest m = ManifestParser.parse("""
                name: blinky
                version: 1.2.0
                module: blinky.wasm
                args: [--period, "500"]
                env:
                  LOG: debug
                resources:
                  memory: 32M
                  cpu-time: 10s
                restart:
                  policy: always
                  backoff: 2s
                  max-backoff: 1m
                health:
                  export: healthz
                  interval: 500ms
                volumes:
                  - name: state
                    path: /state
                """, "skiff.yaml");
        assertEquals("blinky", m.name());
        assertEquals(List.of("--period", "500"), m.args());
        assertEquals(32L << 20, m.resources().memoryBytes());
        assertEquals(Duration.ofSeconds(10), m.resources().cpuTime());
        assertEquals(null, m.resources().wallTime());
        assertEquals(RestartPolicy.ALWAYS, m.restart().policy());
        assertEquals(new HealthCheck.Export("healthz", Duration.ofMillis(500)), m.health());
        assertEquals(List.of(new AppManifest.Volume("state", "/state")), m.volumes());
    }

    @Test
    void defaultsForTheSmallestManifest() throws Exception {
        AppManifest m = ManifestParser.parse("name: tiny\nversion: '1'\n", "skiff.yaml");
        assertEquals("app.wasm", m.module());
        assertEquals(AppManifest.Restart.DEFAULT, m.restart());
        assertEquals(64L << 20, m.resources().memoryBytes());
    }

    @Test
    void everyProblemIsReportedWithLineAndColumn() {
        var e = assertThrows(ManifestException.class, () -> ManifestParser.parse("""
                name: Bad Name
                version: 1.0.0
                colour: blue
                resources:
                  memory: lots
                restart:
                  policy: sometimes
                """, "app/skiff.yaml"));
        List<String> problems = e.problems().stream().map(Object::toString).toList();
        assertEquals(List.of(
                "1:7: 'Bad Name' is not a name of lowercase letters, digits, '.', '_' or '-' (at most 64)",
                "3:1: unknown key 'colour'; allowed here: args, capabilities, env, health, module, name, resources, restart, version, volumes",
                "5:11: 'lots' is not a size; write e.g. 64M, 512K or 1G",
                "7:11: restart policy 'sometimes' is not one of no, on-failure, always"), problems);
        assertTrue(e.getMessage().startsWith("app/skiff.yaml:1:7: "), e.getMessage());
    }

    @Test
    void missingKeysAndBrokenYaml() {
        var missing = assertThrows(ManifestException.class, () -> ManifestParser.parse("version: 1\n", "skiff.yaml"));
        assertEquals("1:1: missing required key 'name'", missing.problems().get(0).toString());

        var broken = assertThrows(ManifestException.class, () -> ManifestParser.parse("name: a\n  version: [1\n", "skiff.yaml"));
        assertTrue(broken.problems().get(0).message().startsWith("not valid YAML"), broken.getMessage());
        assertEquals(2, broken.problems().get(0).line());

        var duplicate = assertThrows(ManifestException.class, () -> ManifestParser.parse("name: a\nname: b\nversion: 1\n", "skiff.yaml"));
        assertTrue(duplicate.getMessage().contains("duplicate"), duplicate.getMessage());

        var health = assertThrows(ManifestException.class, () -> ManifestParser.parse(
                "name: a\nversion: 1\nhealth:\n  running-for: 1s\n  export: ok\n", "skiff.yaml"));
        assertTrue(health.problems().get(0).message().startsWith("health needs exactly one"), health.getMessage());
    }

    @Test
    void everyExampleManifestParsesAndNamesAModuleThatExists() throws Exception {
        Path examples = Path.of(System.getenv().getOrDefault("SKIFF_ROOT", "..")).resolve("examples");
        List<Path> manifests;
        try (Stream<Path> files = Files.walk(examples)) {
            manifests = files.filter(p -> p.getFileName().toString().equals("skiff.yaml")).toList();
        }
        assertTrue(manifests.size() >= 2, "examples have manifests: " + manifests);
        for (Path file : manifests) {
            AppManifest m = ManifestParser.parse(Files.readString(file), file.toString());
            assertTrue(Files.isRegularFile(file.resolveSibling(m.module())), file + " names a missing module");
        }
    }
}
