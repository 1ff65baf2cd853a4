package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentMainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) throws Exception {
        return AgentMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void printsItsVersion() throws Exception {
        assertEquals(0, run("--version"));
        assertTrue(out.toString(StandardCharsets.UTF_8).startsWith("skiff-agent 0.1.0"), out.toString(StandardCharsets.UTF_8));
    }

    @Test
    void explainsItsUsageAndAMissingConfig(@TempDir Path dir) throws Exception {
        assertEquals(2, run());
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("usage: skiff-agent --config FILE"));
        assertEquals(1, run("--config", dir.resolve("nope.yaml").toString()));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("nope.yaml: no such config file"));
    }
}
