package dev.skiff.shim.oci;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BundleSpecTest {
    @Test
    void takesProcessRootMemoryLimitAndPod(@TempDir Path bundle) throws Exception {
        Files.writeString(bundle.resolve("config.json"), """
                {"ociVersion":"1.0.2",
                 "process":{"args":["/app.wasm","x"],"env":["A=1","B=x=y"],"cwd":"/"},
                 "root":{"path":"rootfs"},
                 "annotations":{"io.kubernetes.cri.sandbox-id":"pod-1","io.kubernetes.cri.container-type":"container"},
                 "linux":{"resources":{"memory":{"limit":33554432}}}}
                """);
        BundleSpec spec = BundleSpec.read(bundle);
        assertEquals(List.of("/app.wasm", "x"), spec.args());
        assertEquals(Map.of("A", "1", "B", "x=y"), spec.env());
        assertEquals("rootfs", spec.rootPath());
        assertEquals(OptionalLong.of(32L << 20), spec.memoryLimit());
        assertEquals(Optional.of("pod-1"), spec.sandboxId());
        assertFalse(spec.isPodSandbox());
    }

    @Test
    void noLimitAndNoPodWhenAbsent(@TempDir Path bundle) throws Exception {
        Files.writeString(bundle.resolve("config.json"), "{\"process\":{\"args\":[\"/app.wasm\"]},\"annotations\":{\"io.kubernetes.cri.container-type\":\"sandbox\"}}");
        BundleSpec spec = BundleSpec.read(bundle);
        assertEquals(OptionalLong.empty(), spec.memoryLimit());
        assertEquals(Optional.empty(), spec.sandboxId());
        assertTrue(spec.isPodSandbox());
    }

    @Test
    void badBundlesSayWhatIsWrong(@TempDir Path bundle) throws Exception {
        var missing = assertThrows(BundleException.class, () -> BundleSpec.read(bundle));
        assertTrue(missing.getMessage().contains("has no config.json"), missing.getMessage());
        Files.writeString(bundle.resolve("config.json"), "{\"process\":");
        var broken = assertThrows(BundleException.class, () -> BundleSpec.read(bundle));
        assertTrue(broken.getMessage().contains("is not valid JSON"), broken.getMessage());
        Files.writeString(bundle.resolve("config.json"), "{\"process\":{\"env\":[\"NOVALUE\"]}}");
        var env = assertThrows(BundleException.class, () -> BundleSpec.read(bundle));
        assertTrue(env.getMessage().contains("process.env entry 'NOVALUE' is not NAME=VALUE"), env.getMessage());
    }
}
