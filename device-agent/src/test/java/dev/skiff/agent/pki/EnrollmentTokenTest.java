package dev.skiff.agent.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.agent.enroll.EnrollmentToken;
import java.security.KeyPair;
import org.junit.jupiter.api.Test;

class EnrollmentTokenTest {
    private final KeyPair device = Certificates.newKeyPair();

    @Test
    void roundTripsAndPinsTheDeviceKey() {
        EnrollmentToken token = EnrollmentToken.generate(device.getPublic());
        EnrollmentToken parsed = EnrollmentToken.parse(token.toString());
        assertEquals(token, parsed);
        assertTrue(parsed.pin().matches(device.getPublic()));
        assertFalse(parsed.pin().matches(Certificates.newKeyPair().getPublic()));
        assertFalse(token.toString().startsWith("-"), "a token never reads as a command-line option");
    }

    @Test
    void fullPinsRoundTripThroughText() {
        KeyPin pin = KeyPin.of(device.getPublic());
        assertEquals(pin, KeyPin.parse(pin.toString()));
        assertTrue(KeyPin.parse(pin.toString()).matches(device.getPublic()));
    }

    @Test
    void refusesWhatIsNotAToken() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> EnrollmentToken.parse("abc")).getMessage().contains("SECRET.PIN"));
        assertThrows(IllegalArgumentException.class, () -> EnrollmentToken.parse("abc.!!"));
        assertThrows(IllegalArgumentException.class, () -> EnrollmentToken.parse("abc.AAAA"));
    }
}
