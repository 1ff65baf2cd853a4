package dev.skiff.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.logs.LogLine;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsEndToEndTest {
    @TempDir Path dir;

    @Test
    void aContainersOutputIsLoggedWithTimestampsAndCanBeFollowed() throws Exception {
        try (Agent agent = TestAgents.open(dir.resolve("data"), 256L << 20)) {
            Instant before = Instant.now().minusMillis(1);
            agent.deploy("sleeper", TestAgents.build(agent, TestAgents.sleeper(dir, "1.0.0", "0s", "16M")));
            List<LogLine> followed = new CopyOnWriteArrayList<>();
            try (AutoCloseable following = agent.followLogs("sleeper", followed::add)) {
                TestAgents.awaitTrue(Duration.ofSeconds(3), () -> followed.size() >= 3, "three followed lines");
            }
            List<LogLine> stored = agent.logs("sleeper");
            assertEquals("tick 1", stored.getFirst().text());
            assertEquals("stdout", stored.getFirst().stream());
            assertTrue(stored.stream().allMatch(l -> !l.at().isBefore(before) && !l.at().isAfter(Instant.now())));
            assertTrue(stored.containsAll(followed));
        }
    }
}
