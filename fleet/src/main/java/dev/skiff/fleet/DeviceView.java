package dev.skiff.fleet;

import dev.skiff.protocols.fleet.ReportedState;
import java.util.Map;
import java.util.Optional;

/**
 * A device as the broker's retained messages show it.
 *
 * @param reported its last reported state; empty when it only announced its availability
 */
public record DeviceView(String device, Optional<ReportedState> reported, boolean online) {
    public Map<String, String> labels() {
        return reported.map(ReportedState::labels).orElse(Map.of());
    }
}
