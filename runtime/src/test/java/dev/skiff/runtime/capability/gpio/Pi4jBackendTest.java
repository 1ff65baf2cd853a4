package dev.skiff.runtime.capability.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.Pi4J;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Pi4jBackend against Pi4J's mock plugin: what it asks of Pi4J, and what it refuses. */
class Pi4jBackendTest {
    final com.pi4j.context.Context pi4j = Pi4J.newContextBuilder().noAutoDetect().add(new MockPlatform())
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
    final Pi4jBackend backend = new Pi4jBackend(pi4j);

    @AfterEach
    void close() {
        backend.close();
    }

    @Test
    void outputsCarryTheGrantsLevelsIntoPi4j() {
        GpioLine led = new GpioLine("gpiochip0", 17);
        backend.openOutput(led, Level.HIGH, Level.LOW);
        DigitalOutput output = pi4j.registry().get(Pi4jBackend.ioId(led), DigitalOutput.class);
        assertEquals(DigitalState.HIGH, output.state(), "initial level");
        assertEquals(DigitalState.LOW, output.config().shutdownState(), "Pi4J's own shutdown leaves the grant's level");
        backend.write(led, Level.LOW);
        assertEquals(Level.LOW, backend.read(led));
        backend.close(led);
        assertTrue(!pi4j.registry().exists(Pi4jBackend.ioId(led)), "closed lines are given back to Pi4J");
    }

    @Test
    void inputChangesReachTheListener() {
        GpioLine button = new GpioLine("gpiochip0", 27);
        List<Level> seen = new CopyOnWriteArrayList<>();
        backend.openInput(button, seen::add);
        MockDigitalInput input = pi4j.registry().get(Pi4jBackend.ioId(button), MockDigitalInput.class);
        input.mockState(DigitalState.HIGH);
        input.mockState(DigitalState.LOW);
        assertEquals(List.of(Level.HIGH, Level.LOW), seen);
        assertEquals(Level.LOW, backend.read(button));
    }

    @Test
    void linesOffTheHeaderChipAreRefusedSayingWhy() {
        var e = assertThrows(IllegalArgumentException.class, () -> backend.openOutput(new GpioLine("gpiochip1", 5), Level.LOW, Level.LOW));
        assertEquals("GPIO line gpiochip1/5 is on gpiochip1, but the Pi4J backend serves the board's header chip only"
                + " (gpiochip0 in skiff.yaml); grant a header line", e.getMessage());
    }
}
