package dev.skiff.image.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.image.oci.OciJson;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DockerConfigTest {
    @TempDir Path dir;

    private static String auth(String userPass) {
        return Base64.getEncoder().encodeToString(userPass.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void locationFollowsDockerConfigElseHome() {
        assertEquals(Path.of("/cfg/config.json"), DockerConfig.location(Map.of("DOCKER_CONFIG", "/cfg"), Path.of("/home/u")));
        assertEquals(Path.of("/home/u/.docker/config.json"), DockerConfig.location(Map.of(), Path.of("/home/u")));
    }

    @Test
    void readsAuthOrUsernamePasswordUnderAnyKeyForm() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), """
                {"auths": {
                  "https://index.docker.io/v1/": {"auth": "%s"},
                  "http://lab:5000": {"username": "bob", "password": "pw:with:colons"},
                  "127.0.0.1:5000": {"auth": "%s"},
                  "https://ghcr.io/v2/": {"auth": "%s"},
                  "empty.example": {}
                }}""".formatted(auth("hub:secret"), auth("local:pass"), auth("gh:tok")));
        DockerConfig config = DockerConfig.load(file);
        assertEquals(Optional.of(new Credential("hub", "secret")), config.forRegistry("docker.io"));
        assertEquals(Optional.of(new Credential("bob", "pw:with:colons")), config.forRegistry("lab:5000"));
        assertEquals(Optional.of(new Credential("local", "pass")), config.forRegistry("127.0.0.1:5000"));
        assertEquals(Optional.of(new Credential("gh", "tok")), config.forRegistry("ghcr.io"));
        assertEquals(Optional.empty(), config.forRegistry("empty.example"));
        assertEquals(Optional.empty(), config.forRegistry("127.0.0.1:5001"), "another port is another registry");
        assertEquals(Optional.empty(), config.helperFor("ghcr.io"));
    }

    @Test
    void missingFileIsEmptyAndMalformedOnesAreNamed() throws Exception {
        assertEquals(Optional.empty(), DockerConfig.load(dir.resolve("none.json")).forRegistry("docker.io"));
        Path broken = Files.writeString(dir.resolve("broken.json"), "{\"auths\": ");
        var e = assertThrows(java.io.IOException.class, () -> DockerConfig.load(broken));
        assertTrue(e.getMessage().contains("is not valid JSON"), e.getMessage());
        Path badAuth = Files.writeString(dir.resolve("bad.json"), "{\"auths\": {\"h\": {\"auth\": \"" + auth("nocolon") + "\"}}}");
        var bad = assertThrows(java.io.IOException.class, () -> DockerConfig.load(badAuth));
        assertTrue(bad.getMessage().contains("auths \"h\": \"auth\" is not base64 of user:password"), bad.getMessage());
    }

    @Test
    void credentialHelpersAreReportedPerHostOrAsTheStore() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"),
                "{\"credsStore\": \"desktop\", \"credHelpers\": {\"gcr.io\": \"gcloud\"}}");
        DockerConfig config = DockerConfig.load(file);
        assertEquals(Optional.of("gcloud"), config.helperFor("gcr.io"));
        assertEquals(Optional.of("desktop"), config.helperFor("ghcr.io"));
    }

    @Test
    void writingKeepsOtherEntriesReplacesTheHostsAndIsPrivate() throws Exception {
        Path file = Files.writeString(dir.resolve("config.json"), """
                {"auths": {"other.example": {"auth": "%s"}, "https://lab:5000": {"auth": "%s"}},
                 "credHelpers": {"gcr.io": "gcloud"}, "psFormat": "table {{.ID}}"}""".formatted(auth("o:p"), auth("old:pw")));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));
        DockerConfig config = DockerConfig.load(file);
        config.put("lab:5000", new Credential("new", "pw2"));
        config.put("https://index.docker.io/v1/", new Credential("hub", "h"));
        config.save();

        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        JsonNode written = OciJson.MAPPER.readTree(file.toFile());
        assertEquals("table {{.ID}}", written.path("psFormat").asText());
        assertEquals("gcloud", written.path("credHelpers").path("gcr.io").asText());
        assertEquals(auth("o:p"), written.path("auths").path("other.example").path("auth").asText());
        assertFalse(written.path("auths").has("https://lab:5000"), "the old key for the same host is replaced");
        assertEquals(auth("new:pw2"), written.path("auths").path("lab:5000").path("auth").asText());
        assertEquals(auth("hub:h"), written.path("auths").path(DockerConfig.DOCKER_HUB_KEY).path("auth").asText());
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count(), "no temp file is left behind");
        }

        DockerConfig reread = DockerConfig.load(file);
        assertEquals(Optional.of(new Credential("new", "pw2")), reread.forRegistry("lab:5000"));
        assertTrue(reread.remove("http://lab:5000/"));
        assertFalse(reread.remove("lab:5000"));
        reread.save();
        assertEquals(Optional.empty(), DockerConfig.load(file).forRegistry("lab:5000"));
        assertEquals(Optional.of(new Credential("o", "p")), DockerConfig.load(file).forRegistry("other.example"));
    }

    @Test
    void saveCreatesAPrivateDirectory() throws Exception {
        Path file = dir.resolve("new/config.json");
        DockerConfig config = DockerConfig.load(file);
        config.put("127.0.0.1:5000", new Credential("u", "p"));
        config.save();
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        assertEquals(Optional.of(new Credential("u", "p")), DockerConfig.load(file).forRegistry("127.0.0.1:5000"));
    }

    @Test
    void registryHostFoldsSchemesPathsAndDockerHubAliases() {
        assertEquals("docker.io", DockerConfig.registryHost("https://index.docker.io/v1/"));
        assertEquals("docker.io", DockerConfig.registryHost("registry-1.docker.io"));
        assertEquals("lab:5000", DockerConfig.registryHost("http://LAB:5000/v2/"));
        assertEquals("[::1]:5000", DockerConfig.registryHost("[::1]:5000"));
    }

    @Test
    void credentialsNeverPrintThePassword() {
        assertFalse(new Credential("u", "hunter2").toString().contains("hunter2"));
        assertThrows(IllegalArgumentException.class, () -> new Credential("a:b", "p"));
    }
}
