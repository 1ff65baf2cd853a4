package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.GpioGrant.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A board without hardware, for laptops and tests: every line is observable (its level, a
 * timeline of changes, listeners) and input lines are driven from outside with {@link #drive}.
 * Lines start low, as pulled-down header pins do.
 */
public final class SimulatedBoard implements ObservableBoard {
    private final long createdNanos = System.nanoTime();
    private final Map<GpioLine, Level> levels = new HashMap<>();
    private final List<PinChange> timeline = new ArrayList<>();
    private final List<Consumer<PinChange>> listeners = new CopyOnWriteArrayList<>();
    private final Map<GpioLine, Consumer<Level>> inputs = new ConcurrentHashMap<>();

    @Override
    public void addListener(Consumer<PinChange> listener) {
        listeners.add(listener);
    }

    @Override
    public synchronized Level level(GpioLine line) {
        return levels.getOrDefault(line, Level.LOW);
    }

    /** Every line that has been set or driven, with its level now. */
    public synchronized Map<GpioLine, Level> levels() {
        return Map.copyOf(levels);
    }

    @Override
    public synchronized List<PinChange> timeline() {
        return List.copyOf(timeline);
    }

    /** An edge reaches the input's watchers. */
    @Override
    public void drive(GpioLine line, Level level) {
        set(line, level);
    }

    @Override
    public void openOutput(GpioLine line, Level initial, Level shutdown) {
        set(line, initial);
    }

    @Override
    public void openInput(GpioLine line, Consumer<Level> onChange) {
        inputs.put(line, onChange); // the line keeps whatever level it is driven to
    }

    @Override
    public void write(GpioLine line, Level level) {
        set(line, level);
    }

    @Override
    public Level read(GpioLine line) {
        return level(line);
    }

    @Override
    public void close(GpioLine line) {
        inputs.remove(line); // the line keeps its last level, as a released gpiod line does
    }

    private void set(GpioLine line, Level level) {
        PinChange change;
        synchronized (this) {
            if (levels.getOrDefault(line, Level.LOW) == level) {
                return;
            }
            levels.put(line, level);
            change = new PinChange(Duration.ofNanos(System.nanoTime() - createdNanos), line, level);
            timeline.add(change);
        }
        Consumer<Level> input = inputs.get(line);
        if (input != null) {
            input.accept(level);
        }
        listeners.forEach(listener -> listener.accept(change));
    }
}
