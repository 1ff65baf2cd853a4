package dev.skiff.protocols.api;

import java.util.Map;

/**
 * {@code POST /v1/apps/{app}/deploy}: an image already in the agent's store, named with its
 * repository (the trust policy looks up signatures there), best pinned: {@code REPO@sha256:…}.
 *
 * @param grants GPIO labels of the app remapped to other header lines of the device
 *     ({@code LED} to {@code GPIO27}); null or empty: the app's own grants
 * @param serial the app's serial ports to open on other devices than its skiff.yaml names, by
 *     port name; null or empty: none
 */
public record DeployRequest(String image, Map<String, String> grants, Map<String, String> serial) {

    public DeployRequest(String image) {
        this(image, Map.of(), Map.of());
    }

    public DeployRequest {
        grants = grants == null ? Map.of() : Map.copyOf(grants);
        serial = serial == null ? Map.of() : Map.copyOf(serial);
    }
}
