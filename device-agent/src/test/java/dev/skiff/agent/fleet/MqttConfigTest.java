package dev.skiff.agent.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.AgentConfig;
import dev.skiff.agent.ConfigException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent config's {@code mqtt:} section. */
class MqttConfigTest {
    @TempDir Path dir;

    private AgentConfig load(String yaml) throws Exception {
        return AgentConfig.load(Files.writeString(dir.resolve("agent.yaml"), yaml));
    }

    @Test
    void readsBrokerAndLabels() throws Exception {
        AgentConfig config = load("""
                device-name: pi-7
                mqtt:
                  broker: ssl://broker.example:8883
                  labels: {site: berlin, ring: canary}
                """);
        MqttSettings mqtt = config.mqtt().orElseThrow();
        assertEquals("ssl://broker.example:8883", mqtt.broker());
        assertEquals(Map.of("site", "berlin", "ring", "canary"), mqtt.labels());
        assertTrue(mqtt.tls());
        assertEquals(Optional.empty(), load("device-name: pi-7\n").mqtt());
    }

    @Test
    void labelsWithoutBrokerAndBadValuesAreErrorsWithLines() throws Exception {
        ConfigException noBroker = assertThrows(ConfigException.class, () -> load("""
                mqtt:
                  labels: {site: berlin}
                """));
        assertTrue(noBroker.getMessage().contains(":2:") && noBroker.getMessage().contains("without mqtt.broker"), noBroker.getMessage());

        ConfigException badUrl = assertThrows(ConfigException.class, () -> load("mqtt:\n  broker: http://x:1\n"));
        assertTrue(badUrl.getMessage().contains(":2:") && badUrl.getMessage().contains("tcp://host:1883"), badUrl.getMessage());

        ConfigException badLabel = assertThrows(ConfigException.class, () -> load("mqtt:\n  broker: tcp://b:1883\n  labels: {site: 'a b'}\n"));
        assertTrue(badLabel.getMessage().contains("label site=a b"), badLabel.getMessage());

        ConfigException typo = assertThrows(ConfigException.class, () -> load("mqtt:\n  brokr: tcp://b:1883\n"));
        assertTrue(typo.getMessage().contains("unknown setting 'mqtt.brokr'"), typo.getMessage());
        assertFalse(new MqttSettings("tcp://b:1883", Map.of()).tls());
    }
}
