package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The watchdog sleeps while there is nothing to watch, and wakes for the next container's limits. */
class WatchdogTest {
    @Test
    void withNothingToWatchItParksInsteadOfWakingEveryFewMilliseconds() throws Exception {
        Watchdog dog = new Watchdog();
        try {
            long deadline = System.nanoTime() + 5_000_000_000L;
            while (dog.state() != Thread.State.WAITING && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(Thread.State.WAITING, dog.state(), "parked without a timeout");
        } finally {
            dog.close();
        }
    }

    @Test
    void aParkedWatchdogStillEnforcesTheNextContainersLimit() throws Exception {
        try (Sandbox fresh = Sandbox.inMemory()) {
            var r = new Fixtures.Run("sleeper", "60000").limits(Limits.DEFAULT.withWallTime(Duration.ofMillis(300))).run(fresh);
            var killed = assertInstanceOf(ContainerState.Killed.class, r.state());
            assertTrue(killed.reason().contains("wall-time limit of 300ms"), killed.reason());
        }
    }
}
