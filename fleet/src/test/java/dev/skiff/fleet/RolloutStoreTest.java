package dev.skiff.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.fleet.DesiredApp;
import dev.skiff.protocols.fleet.DesiredState;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RolloutStoreTest {
    private static final String IMAGE = "r/a@sha256:" + "a".repeat(64);
    private static final String OLD = "r/a@sha256:" + "b".repeat(64);

    @TempDir Path dir;

    private static RolloutSpec spec() {
        return new RolloutSpec("a", IMAGE, Selector.parse("site=lab"), WavePlan.parse("1,100%"), 2, Duration.ofSeconds(30), 5);
    }

    @Test
    void rolloutsAndStepsSurviveReopening() throws Exception {
        long id;
        try (RolloutStore store = RolloutStore.open(dir.resolve("fleet.db"))) {
            Rollout r = store.create(spec(), List.of(new RolloutDevice("d1", 0, DeviceStep.WAITING, OLD, 0, 0, null),
                    new RolloutDevice("d2", 1, DeviceStep.WAITING, null, 0, 0, null)));
            id = r.id();
            store.advance(id, "d1", "a", new DesiredApp(IMAGE), DeviceStep.UPDATING, 0);
            assertTrue(store.transition(id, RolloutState.RUNNING, RolloutState.PAUSED));
            assertFalse(store.transition(id, RolloutState.RUNNING, RolloutState.PAUSED));
        }
        try (RolloutStore store = RolloutStore.open(dir.resolve("fleet.db"))) {
            Rollout r = store.find(id).orElseThrow();
            assertEquals(spec(), r.spec());
            assertEquals(RolloutState.PAUSED, r.state());
            List<RolloutDevice> devices = store.devices(id);
            assertEquals(DeviceStep.UPDATING, devices.get(0).step());
            assertEquals(OLD, devices.get(0).previousImage());
            assertEquals(DeviceStep.WAITING, devices.get(1).step());
            assertEquals(List.of(r), store.list());
        }
    }

    @Test
    void eachAdvanceIsTheNextGenerationPastWhatTheDeviceReported() throws Exception {
        try (RolloutStore store = RolloutStore.open(dir.resolve("fleet.db"))) {
            long id = store.create(spec(), List.of(new RolloutDevice("d1", 0, DeviceStep.WAITING, OLD, 0, 0, null))).id();
            DesiredState first = store.advance(id, "d1", "a", new DesiredApp(IMAGE), DeviceStep.UPDATING, 0);
            assertEquals(2, first.generation());
            assertEquals(Map.of("a", new DesiredApp(IMAGE)), first.apps());
            // the device acted on generation 9 of another operator database: ours must go past it
            DesiredState back = store.advance(id, "d1", "a", new DesiredApp(OLD), DeviceStep.ROLLING_BACK, 9);
            assertEquals(10, back.generation());
            assertEquals(back, store.desired("d1").orElseThrow());
            RolloutDevice d1 = store.devices(id).getFirst();
            assertEquals(DeviceStep.ROLLING_BACK, d1.step());
            assertEquals(10, d1.generation());
        }
    }
}
