package dev.skiff.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.fleet.ReportedState;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InventoryTest {
    private static ReportedState state(String device, Map<String, String> labels) {
        return new ReportedState(device, labels, 0, List.of(), "0.1.0");
    }

    @Test
    void selectsReportedDevicesByLabelsAndTracksAvailability() {
        Inventory inventory = new Inventory();
        inventory.reported("pi-2", state("pi-2", Map.of("site", "lab")));
        inventory.reported("pi-1", state("pi-1", Map.of("site", "lab", "ring", "canary")));
        inventory.availability("pi-3", true); // announced itself but never reported: nothing to select it by
        inventory.availability("pi-2", false);

        assertEquals(List.of("pi-1", "pi-2"), inventory.select(Selector.parse("site=lab")).stream().map(DeviceView::device).toList());
        assertEquals(List.of("pi-1"), inventory.select(Selector.parse("ring=canary")).stream().map(DeviceView::device).toList());
        assertFalse(inventory.find("pi-2").orElseThrow().online());
        assertTrue(inventory.find("pi-1").orElseThrow().online());
        // a new report keeps what is known of availability
        inventory.reported("pi-2", state("pi-2", Map.of("site", "lab")));
        assertFalse(inventory.find("pi-2").orElseThrow().online());
    }

    @Test
    void settlesAfterQuietOrWhenNothingArrives() throws Exception {
        Inventory inventory = new Inventory();
        long start = System.nanoTime();
        inventory.awaitSettled(50, 300, 5_000);
        long waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited >= 300 && waited < 4_000, "waited " + waited + " ms for an empty fleet");

        Thread reporter = new Thread(() -> {
            try {
                Thread.sleep(100); // after the wait below has begun
            } catch (InterruptedException e) {
                return;
            }
            inventory.reported("pi-1", state("pi-1", Map.of()));
        });
        start = System.nanoTime();
        reporter.start();
        inventory.awaitSettled(50, 3_000, 5_000);
        waited = (System.nanoTime() - start) / 1_000_000;
        assertTrue(waited < 2_900, "waited " + waited + " ms although a message came and then quiet");
    }
}
