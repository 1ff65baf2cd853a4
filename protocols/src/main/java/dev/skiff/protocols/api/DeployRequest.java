package dev.skiff.protocols.api;

import java.util.Map;

/**
 * {@code POST /v1/apps/{app}/deploy}: an image already in the agent's store, named with its
 * repository (the trust policy looks up signatures there), best pinned: {@code REPO@sha256:…}.
 *
 * @param serial the app's serial ports to open on other devices than its skiff.yaml names, by
 *     port name (absent: none)
 */
public record DeployRequest(String image, Map<String, String> serial) {

    public DeployRequest {
        serial = serial == null ? Map.of() : Map.copyOf(serial);
    }

    public DeployRequest(String image) {
        this(image, Map.of());
    }
}
