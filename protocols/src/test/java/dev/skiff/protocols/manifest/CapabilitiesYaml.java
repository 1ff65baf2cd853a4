package dev.skiff.protocols.manifest;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

/** Parses a skiff.yaml that is a minimal app plus the given {@code capabilities:} body, for the grant parsing tests. */
final class CapabilitiesYaml {
    private CapabilitiesYaml() {}

    static AppManifest parse(String capabilities) throws ManifestException {
        return ManifestParser.parse("name: app\nversion: '1'\ncapabilities:\n" + capabilities, "skiff.yaml");
    }

    /** The problems the parser reports, each as {@code line:column: message}; fails unless it refuses. */
    static List<String> problems(String capabilities) {
        var e = assertThrows(ManifestException.class, () -> parse(capabilities));
        return e.problems().stream().map(ManifestException.Problem::toString).toList();
    }
}
