package dev.skiff.shim.oci;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * What the shim takes from a bundle's OCI runtime spec ({@code config.json}): the process to run,
 * the root filesystem, the memory limit, and the annotations Kubernetes sets.
 *
 * @param rootPath {@code root.path}, relative to the bundle unless absolute
 * @param memoryLimit {@code linux.resources.memory.limit} in bytes, applied to the guest's memory
 */
public record BundleSpec(
        List<String> args, Map<String, String> env, String rootPath, OptionalLong memoryLimit, Map<String, String> annotations) {

    /** containerd's CRI plugin names a container's pod with this annotation. */
    static final String SANDBOX_ID = "io.kubernetes.cri.sandbox-id";
    /** {@code sandbox} for a pod's infrastructure (pause) container, {@code container} for the others. */
    static final String CONTAINER_TYPE = "io.kubernetes.cri.container-type";

    private static final ObjectMapper JSON = new ObjectMapper();

    public BundleSpec {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        annotations = Map.copyOf(annotations);
    }

    public static BundleSpec read(Path bundle) throws BundleException {
        Path file = bundle.resolve("config.json");
        if (!Files.isRegularFile(file)) {
            throw new BundleException("bundle " + bundle + " has no config.json");
        }
        JsonNode spec;
        try {
            spec = JSON.readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new BundleException(file + " is not valid JSON: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new BundleException("cannot read " + file + ": " + e.getMessage());
        }
        List<String> args = new ArrayList<>();
        spec.path("process").path("args").forEach(a -> args.add(a.asText()));
        Map<String, String> env = new LinkedHashMap<>();
        for (JsonNode entry : spec.path("process").path("env")) {
            String text = entry.asText();
            int eq = text.indexOf('=');
            if (eq <= 0) {
                throw new BundleException(file + ": process.env entry '" + text + "' is not NAME=VALUE");
            }
            env.put(text.substring(0, eq), text.substring(eq + 1));
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        spec.path("annotations").fields().forEachRemaining(e -> annotations.put(e.getKey(), e.getValue().asText()));
        JsonNode limit = spec.path("linux").path("resources").path("memory").path("limit");
        OptionalLong memoryLimit = limit.isIntegralNumber() && limit.asLong() > 0 ? OptionalLong.of(limit.asLong()) : OptionalLong.empty();
        String rootPath = spec.path("root").path("path").asText("rootfs");
        return new BundleSpec(args, env, rootPath, memoryLimit, annotations);
    }

    /** The pod this container belongs to, when Kubernetes created it. */
    public Optional<String> sandboxId() {
        return Optional.ofNullable(annotations.get(SANDBOX_ID)).filter(s -> !s.isEmpty());
    }

    /** Whether this is a pod's infrastructure container, which runs no guest (there is no pause image for wasm). */
    public boolean isPodSandbox() {
        return "sandbox".equals(annotations.get(CONTAINER_TYPE));
    }
}
