package dev.skiff.workbench.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.protocols.manifest.ManifestParser;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GrantReviewTest {
    private static CapabilityGrants grants(String gpio) throws Exception {
        AppManifest app = ManifestParser.parse("name: a\nversion: 1.0.0\nmodule: a.wasm\ncapabilities:\n  gpio:\n" + gpio, "skiff.yaml");
        return app.capabilities();
    }

    @Test
    void aDeviceWithoutGpioCannotRunAnAppThatNeedsIt() throws Exception {
        GrantReview review = GrantReview.of(grants("    LED: {line: 17, mode: output}\n"), new GpioOffer("none", Map.of()));
        assertFalse(review.deployable());
        assertTrue(review.lines().getFirst().startsWith("NO GPIO: this device's agent has no GPIO backend (gpio: none), but the image needs LED (GPIO17)."),
                review.lines().toString());
    }

    @Test
    void eachLineIsShownWithTheBackendAndItsLevel() throws Exception {
        GrantReview review = GrantReview.of(grants("    LED: {line: 17, mode: output}\n    BUTTON: {line: 27, mode: input}\n"),
                new GpioOffer("sim", Map.of("GPIO17", "high")));
        assertTrue(review.deployable());
        assertEquals(List.of("BUTTON input on GPIO27: simulated board", "LED output on GPIO17: simulated board, now high"),
                review.lines().stream().sorted().toList());
        assertEquals(List.of("LED output on GPIO17: pi4j backend"),
                GrantReview.of(grants("    LED: {line: 17, mode: output}\n"), new GpioOffer("pi4j", Map.of())).lines());
    }

    @Test
    void anAppWithoutGpioRunsAnywhere() {
        GrantReview review = GrantReview.of(CapabilityGrants.NONE, new GpioOffer("none", Map.of()));
        assertTrue(review.deployable());
        assertEquals(List.of("GPIO: none needed (backend none)"), review.lines());
    }
}
