package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.trust.TrustMode;
import dev.skiff.agent.trust.TrustPolicy;
import dev.skiff.agent.trust.TrustRule;
import dev.skiff.image.sign.SigningKeys;
import dev.skiff.protocols.manifest.BoardProfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentConfigTest {
    @TempDir Path dir;

    private Path write(String yaml) throws Exception {
        return Files.writeString(dir.resolve("agent.yaml"), yaml);
    }

    @Test
    void readsEverySetting() throws Exception {
        AgentConfig config = AgentConfig.load(write("""
                device-name: kitchen-pi
                data-dir: state
                memory-budget: 512M
                logs:
                  max-size: 1M
                  files: 3
                listen:
                  address: 127.0.0.1
                  port: 8443
                gpio:
                  backend: sim
                  board: raspberry-pi-5
                """));
        assertEquals(new AgentConfig("kitchen-pi", dir.resolve("state"), 512L << 20, 1L << 20, 3, "127.0.0.1", 8443, TrustPolicy.DEFAULT,
                new GpioSettings(GpioSettings.Backend.SIM, Optional.of(BoardProfile.RASPBERRY_PI_5))), config);
    }

    @Test
    void aConsoleForSerialProvisioning() throws Exception {
        assertEquals(java.util.Optional.of(new AgentConfig.Console("/dev/ttyS0", 9600)),
                AgentConfig.load(write("console: /dev/ttyS0\nconsole-baud: 9600\n")).console());
        assertEquals(java.util.Optional.of(new AgentConfig.Console("/dev/ttyAMA0", AgentConfig.Console.DEFAULT_BAUD)),
                AgentConfig.load(write("console: /dev/ttyAMA0\n")).console());
        assertEquals(java.util.Optional.empty(), AgentConfig.load(write("")).console());
    }

    @Test
    void consoleProblemsAreNamed() throws Exception {
        Path file = write("console: ttyS0\nconsole-baud: fast\n");
        String m = assertThrows(ConfigException.class, () -> AgentConfig.load(file)).getMessage();
        assertTrue(m.contains("1:10: console: 'ttyS0' is not a device path such as /dev/ttyS0"), m);
        Path baudOnly = write("console-baud: 9600\n");
        m = assertThrows(ConfigException.class, () -> AgentConfig.load(baudOnly)).getMessage();
        assertTrue(m.contains("1:15: console-baud: set 'console' (the serial device) too"), m);
    }

    @Test
    void anEmptyFileGivesTheDefaults() throws Exception {
        AgentConfig config = AgentConfig.load(write(""));
        assertEquals(dir.resolve("data"), config.dataDir());
        assertEquals(Runtime.getRuntime().maxMemory() / 2, config.memoryBudgetBytes());
        assertEquals(AgentConfig.DEFAULT_PORT, config.listenPort());
    }

    @Test
    void unknownKeysAndBadValuesAreErrorsWithLineAndColumn() throws Exception {
        Path file = write("""
                device-name: pi
                memory-budgett: 1G
                logs:
                  files: many
                  colour: blue
                listen:
                  port: 70000
                gpio: {backend: gpiod, board: arduino}
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.load(file));
        String m = e.getMessage();
        assertTrue(m.contains(file + ":8:17: gpio.backend: 'gpiod' is not one of none, sim, pi4j"), m);
        assertTrue(m.contains(file + ":8:31: gpio.board: board 'arduino' is not one of raspberry-pi-4, raspberry-pi-5"), m);
        assertTrue(m.contains(file + ":2:1: unknown setting 'memory-budgett'"), m);
        assertTrue(m.contains(file + ":5:3: unknown setting 'logs.colour'"), m);
        assertTrue(m.contains(file + ":4:10: logs.files: 'many' is not a whole number from 1 to 1000"), m);
        assertTrue(m.contains(file + ":7:9: listen.port: '70000' is not a whole number from 1 to 65535"), m);
    }

    @Test
    void aMemoryBudgetLargerThanTheHeapIsRefusedForTheHeapHoldsContainersMemory() throws Exception {
        long heap = Runtime.getRuntime().maxMemory();
        Path file = write("memory-budget: " + (heap / (1 << 20) + 1) + "M\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.load(file));
        assertTrue(e.getMessage().contains(file + ":1:16: memory-budget: " + (heap / (1 << 20) + 1) + "M is more than the JVM's whole heap ("),
                e.getMessage());
        assertEquals(heap / (1 << 20) << 20, AgentConfig.load(write("memory-budget: " + heap / (1 << 20) + "M\n")).memoryBudgetBytes());
    }

    @Test
    void malformedYamlIsReportedWhereItBreaks() throws Exception {
        Path file = write("device-name: [unclosed\n");
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.load(file));
        assertTrue(e.getMessage().startsWith(file + ":2:1: not valid YAML"), e.getMessage());
    }

    @Test
    void readsTheTrustPolicyWithKeyFilesRelativeToTheConfig() throws Exception {
        SigningKeys.generate(dir.resolve("keys"), null, false);
        AgentConfig config = AgentConfig.load(write("""
                trust:
                  mode: warn
                  keys: [keys/skiff.pub]
                  rules:
                    ghcr.io/acme: {mode: reject-unsigned, keys: [keys/skiff.pub]}
                    localhost:5000:
                      mode: allow
                """));
        var key = SigningKeys.readPublicKey(dir.resolve("keys/skiff.pub"));
        assertEquals(new TrustPolicy(TrustRule.defaultRule(TrustMode.WARN, List.of(key)), List.of(
                new TrustRule("ghcr.io/acme", TrustMode.REJECT_UNSIGNED, List.of(key)),
                new TrustRule("localhost:5000", TrustMode.ALLOW, List.of()))), config.trust());
    }

    @Test
    void trustProblemsAreErrorsWithLineAndColumn() throws Exception {
        Path file = write("""
                trust:
                  mode: strict
                  keys: [missing.pub]
                  rules:
                    ghcr.io/acme: {keys: []}
                    Bad Scope: {mode: warn}
                    localhost:5000: {mode: allow, colour: blue}
                  trusted: yes
                """);
        ConfigException e = assertThrows(ConfigException.class, () -> AgentConfig.load(file));
        String m = e.getMessage();
        assertTrue(m.contains(file + ":2:9: trust.mode: 'strict' is not a trust mode; use one of reject-unsigned, warn, allow"), m);
        assertTrue(m.contains(file + ":3:10: trust.keys: " + dir.resolve("missing.pub") + ": no such key file"), m);
        assertTrue(m.contains(file + ":5:5: trust.rules.ghcr.io/acme: needs a mode (reject-unsigned, warn or allow)"), m);
        assertTrue(m.contains(file + ":6:5: trust.rules: 'Bad Scope' is not a registry or repository prefix"), m);
        assertTrue(m.contains(file + ":7:35: unknown setting 'trust.rules.localhost:5000.colour'; known: keys, mode"), m);
        assertTrue(m.contains(file + ":8:3: unknown setting 'trust.trusted'; known: keys, mode, rules"), m);
    }
}
