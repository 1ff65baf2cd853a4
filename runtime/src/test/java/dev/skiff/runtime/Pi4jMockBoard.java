package dev.skiff.runtime;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.Digital;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.platform.MockPlatform;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import dev.skiff.runtime.capability.gpio.GpioLine;
import dev.skiff.runtime.capability.gpio.ObservableBoard;
import dev.skiff.runtime.capability.gpio.Pi4jBackend;
import dev.skiff.runtime.capability.gpio.PinChange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * {@link Pi4jBackend} on Pi4J's mock plugin, seen from outside as a board: levels and changes are
 * read from Pi4J's own I/O objects (state and change events), inputs are driven with the mock's
 * {@code mockState}. Lines keep their level while closed, as real wiring does.
 */
final class Pi4jMockBoard implements ObservableBoard, AutoCloseable {
    private final long createdNanos = System.nanoTime();
    private final Context pi4j = Pi4J.newContextBuilder()
            .noAutoDetect()
            .add(new MockPlatform())
            .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance())
            .build();
    private final Pi4jBackend backend = new Pi4jBackend(pi4j);
    private final Map<GpioLine, Level> world = new HashMap<>();
    private final List<PinChange> timeline = new ArrayList<>();
    private final List<Consumer<PinChange>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public synchronized Level level(GpioLine line) {
        return world.getOrDefault(line, Level.LOW);
    }

    @Override
    public void drive(GpioLine line, Level level) {
        String id = Pi4jBackend.ioId(line);
        if (pi4j.registry().exists(id)) {
            pi4j.registry().get(id, MockDigitalInput.class).mockState(state(level)); // reaches us as an event
        } else {
            changed(line, level);
        }
    }

    @Override
    public synchronized List<PinChange> timeline() {
        return List.copyOf(timeline);
    }

    @Override
    public void addListener(Consumer<PinChange> listener) {
        listeners.add(listener);
    }

    @Override
    public void openOutput(GpioLine line, Level initial, Level shutdown) {
        backend.openOutput(line, initial, shutdown);
        follow(line);
    }

    @Override
    public void openInput(GpioLine line, Consumer<Level> onChange) {
        backend.openInput(line, onChange);
        pi4j.registry().get(Pi4jBackend.ioId(line), MockDigitalInput.class).mockState(state(level(line)));
        follow(line);
    }

    @Override
    public void write(GpioLine line, Level level) {
        backend.write(line, level);
    }

    @Override
    public Level read(GpioLine line) {
        return backend.read(line);
    }

    @Override
    public void close(GpioLine line) {
        backend.close(line);
    }

    @Override
    public void close() {
        backend.close();
    }

    /** Records the line's Pi4J state now and each change Pi4J reports from here on. */
    private void follow(GpioLine line) {
        Digital<?, ?, ?> digital = pi4j.registry().get(Pi4jBackend.ioId(line));
        changed(line, level(digital.state()));
        digital.addListener(event -> changed(line, level(event.state())));
    }

    private void changed(GpioLine line, Level level) {
        PinChange change;
        synchronized (this) {
            if (level(line) == level) {
                return;
            }
            world.put(line, level);
            change = new PinChange(Duration.ofNanos(System.nanoTime() - createdNanos), line, level);
            timeline.add(change);
        }
        listeners.forEach(listener -> listener.accept(change));
    }

    private static DigitalState state(Level level) {
        return level == Level.HIGH ? DigitalState.HIGH : DigitalState.LOW;
    }

    private static Level level(DigitalState state) {
        return state == DigitalState.HIGH ? Level.HIGH : Level.LOW;
    }
}
