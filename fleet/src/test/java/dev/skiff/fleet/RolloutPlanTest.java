package dev.skiff.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Waves, selectors and the checks on a rollout's options. */
class RolloutPlanTest {
    private static List<Integer> sizes(String waves, int targets) {
        List<Integer> assigned = WavePlan.parse(waves).assign(targets);
        int count = assigned.isEmpty() ? 0 : assigned.getLast() + 1;
        return java.util.stream.IntStream.range(0, count).mapToObj(w -> Collections.frequency(assigned, w)).toList();
    }

    @Test
    void wavesAreCumulativeCountsOrSharesAndTheLastTakesEveryone() {
        assertEquals(List.of(1, 4, 20, 25), sizes("1,10%,50%,100%", 50));
        assertEquals(List.of(1, 4, 5), sizes("1,10%,50%,100%", 10)); // 10% of 10 adds nobody to the canary: no such wave
        assertEquals(List.of(2, 1), sizes("2,50%", 3));
        assertEquals(List.of(1), sizes("5,100%", 1));
        assertEquals(List.of(3, 7), sizes("3,10%", 10)); // the last wave covers the rest whatever it says
        for (String bad : new String[] {"0", "-1", "150%", "x", "1,,2"}) {
            assertThrows(IllegalArgumentException.class, () -> WavePlan.parse(bad), bad);
        }
    }

    @Test
    void selectorsMatchEveryLabelGiven() {
        Selector s = Selector.parse("site=lab, ring=odd");
        assertTrue(s.matches(Map.of("site", "lab", "ring", "odd", "x", "y")));
        assertFalse(s.matches(Map.of("site", "lab")));
        assertTrue(Selector.parse(null).matches(Map.of()));
        assertEquals("ring=odd,site=lab", s.toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Selector.parse("site"));
        assertTrue(e.getMessage().contains("'site' is not key=value"), e.getMessage());
    }

    @Test
    void specRefusesUnpinnedImagesAndNonsenseLimits() {
        String pinned = "r/a@sha256:" + "a".repeat(64);
        WavePlan waves = WavePlan.parse("100%");
        assertThrows(IllegalArgumentException.class, () -> new RolloutSpec("a", "r/a:1", Selector.ALL, waves, 1, Duration.ofSeconds(1), 5));
        assertThrows(IllegalArgumentException.class, () -> new RolloutSpec("a", pinned, Selector.ALL, waves, 0, Duration.ofSeconds(1), 5));
        assertThrows(IllegalArgumentException.class, () -> new RolloutSpec("a", pinned, Selector.ALL, waves, 1, Duration.ZERO, 5));
        assertThrows(IllegalArgumentException.class, () -> new RolloutSpec("a", pinned, Selector.ALL, waves, 1, Duration.ofSeconds(1), 0));
        assertEquals(5.0, RolloutSpec.percent("5%"));
        assertThrows(IllegalArgumentException.class, () -> RolloutSpec.percent("five"));
    }
}
