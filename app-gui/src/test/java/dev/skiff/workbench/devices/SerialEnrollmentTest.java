package dev.skiff.workbench.devices;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.client.SerialProvisioner;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SerialEnrollmentTest {
    @Test
    void aBlankTokenLeavesItToTheDeviceAndFieldsAreTrimmed() {
        SerialProvisioner.Request request = new SerialEnrollment(" /dev/ttyUSB0 ", " pi-1 ", "  ").request();
        assertEquals(new SerialProvisioner.Request("/dev/ttyUSB0", 115200, "pi-1", Optional.empty(), Optional.empty()), request);
    }

    @Test
    void aTypedTokenIsTheOneTheDeviceMustMatch() {
        String token = "00112233445566778899aabbccddeeff.AAAAAAAAAAAAAAAAAAAAAA";
        assertEquals(token, new SerialEnrollment("/dev/ttyUSB0", "pi-1", token).request().token().orElseThrow().toString());
    }

    @Test
    void aMistypedTokenIsRefusedBeforeThePortIsOpened() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new SerialEnrollment("/dev/does-not-exist", "pi-1", "not-a-token").request());
        assertTrue(e.getMessage().contains("'not-a-token' is not an enrollment token"), e.getMessage());
    }
}
