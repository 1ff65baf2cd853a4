package dev.skiff.shim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ShimFlagsTest {
    @Test
    void parsesWhatContainerdPasses() {
        ShimFlags flags = ShimFlags.parse(List.of("-namespace", "k8s.io", "-address", "/run/containerd/containerd.sock",
                "-publish-binary", "/usr/bin/containerd", "-id", "c1", "-debug", "start"));
        assertEquals("k8s.io", flags.namespace());
        assertEquals("/run/containerd/containerd.sock", flags.address());
        assertEquals("c1", flags.id());
        assertTrue(flags.debug());
        assertEquals("start", flags.action());

        ShimFlags delete = ShimFlags.parse(List.of("--namespace=default", "-id=c2", "-bundle", "/b", "delete"));
        assertEquals("/b", delete.bundle());
        assertEquals("delete", delete.action());
    }

    @Test
    void refusesWhatItDoesNotKnow() {
        var unknown = assertThrows(IllegalArgumentException.class, () -> ShimFlags.parse(List.of("-frobnicate", "start")));
        assertTrue(unknown.getMessage().contains("unknown flag -frobnicate"), unknown.getMessage());
        var action = assertThrows(IllegalArgumentException.class, () -> ShimFlags.parse(List.of("-id", "x", "run")));
        assertTrue(action.getMessage().contains("expected one action"), action.getMessage());
        var needs = assertThrows(IllegalArgumentException.class, () -> ShimFlags.parse(List.of("-id", "x", "start")).require("namespace"));
        assertEquals("start needs -namespace", needs.getMessage());
    }
}
