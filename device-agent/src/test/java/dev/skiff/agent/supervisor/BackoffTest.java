package dev.skiff.agent.supervisor;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesFromTheInitialDelayUpToTheCap() {
        Backoff backoff = new Backoff(Duration.ofMillis(250), Duration.ofSeconds(2));
        assertEquals(List.of(250L, 500L, 1000L, 2000L, 2000L, 2000L),
                IntStream.rangeClosed(1, 6).mapToObj(n -> backoff.delay(n).toMillis()).toList());
    }

    @Test
    void aCapBetweenDoublingsIsReachedExactly() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(3));
        assertEquals(List.of(1L, 2L, 3L, 3L), IntStream.rangeClosed(1, 4).mapToObj(n -> backoff.delay(n).toSeconds()).toList());
    }

    @Test
    void aVeryLongRunOfFailuresDoesNotOverflow() {
        assertEquals(Duration.ofMinutes(1), new Backoff(Duration.ofSeconds(1), Duration.ofMinutes(1)).delay(10_000));
    }
}
