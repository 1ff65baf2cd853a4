package dev.skiff.agent.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import dev.skiff.agent.Agent;
import dev.skiff.agent.TestAgents;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The server and its OpenAPI document must name the same endpoints, so neither drifts from the other. */
class ApiRoutesTest {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");

    @Test
    void serverRoutesAreTheOpenApiPaths(@TempDir Path dir) throws Exception {
        Set<String> documented = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/openapi/agent-api.yaml")) {
            assertNotNull(in, "openapi/agent-api.yaml is on the class path (from skiff-protocols)");
            Map<?, ?> root = (Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromInputStream(in);
            ((Map<?, ?>) root.get("paths")).forEach((path, item) -> ((Map<?, ?>) item).keySet().stream()
                    .filter(METHODS::contains)
                    .forEach(method -> documented.add(method.toString().toUpperCase() + " " + path)));
        }
        Set<String> served = new TreeSet<>();
        try (Agent agent = TestAgents.open(dir, 64L << 20)) {
            ApiServer.routes(agent, () -> true).forEach(r -> served.add(r.method() + " " + r.path()));
        }
        assertEquals(documented, served);
    }
}
