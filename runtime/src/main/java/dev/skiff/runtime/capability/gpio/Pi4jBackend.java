package dev.skiff.runtime.capability.gpio;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.Digital;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.PullResistance;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import dev.skiff.protocols.manifest.GpioGrant;
import dev.skiff.protocols.manifest.GpioGrant.Level;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * GPIO through Pi4J 3: on a device its gpiod provider (the kernel's GPIO character device), in
 * tests its mock plugin. Pi4J's gpiod provider serves one chip per process, the header chip it
 * finds by its {@code pinctrl} label (Pi 4: gpiochip0; Pi 5: the RP1, gpiochip4 before Linux
 * 6.6.45 and gpiochip0 since), so lines are accepted on {@value #HEADER_CHIP} only, which
 * {@code skiff.yaml} uses for the header's lines by default.
 */
public final class Pi4jBackend implements GpioBackend, AutoCloseable {
    /** The chip name grants use for the board's header lines. */
    static final String HEADER_CHIP = GpioGrant.DEFAULT_CHIP;

    private final Context pi4j;
    private final Map<GpioLine, DigitalOutput> outputs = new ConcurrentHashMap<>();
    private final Map<GpioLine, DigitalInput> inputs = new ConcurrentHashMap<>();

    /** @param pi4j a context with digital input and output providers; closed with this backend */
    public Pi4jBackend(Context pi4j) {
        this.pi4j = pi4j;
    }

    /** The backend of a device: Pi4J's gpiod provider on the board's header chip. */
    public static Pi4jBackend gpiod() {
        return new Pi4jBackend(Pi4J.newContextBuilder()
                .noAutoDetect()
                .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance())
                .build());
    }

    /** The Pi4J id of a line's I/O, unique per line: {@code skiff-gpiochip0-17}. */
    public static String ioId(GpioLine line) {
        return "skiff-" + line.chip() + "-" + line.line();
    }

    @Override
    public void openOutput(GpioLine line, Level initial, Level shutdown) {
        DigitalOutput output = opened(line, () -> pi4j.create(DigitalOutput.newConfigBuilder(pi4j)
                .id(ioId(checked(line)))
                .address(line.line())
                .initial(state(initial))
                .shutdown(state(shutdown)))); // also when Pi4J shuts down (its JVM shutdown hook)
        outputs.put(line, output);
    }

    @Override
    public void openInput(GpioLine line, Consumer<Level> onChange) {
        DigitalInput input = opened(line, () -> pi4j.create(DigitalInput.newConfigBuilder(pi4j)
                .id(ioId(checked(line)))
                .address(line.line())
                .pull(PullResistance.OFF) // the board's wiring decides, see docs/capabilities.md
                .debounce(0L)));
        input.addListener(event -> onChange.accept(level(event.state())));
        inputs.put(line, input);
    }

    @Override
    public void write(GpioLine line, Level level) {
        DigitalOutput output = outputs.get(line);
        if (output == null) {
            throw new IllegalStateException("GPIO line " + line + " is not open as an output");
        }
        output.state(state(level));
    }

    @Override
    public Level read(GpioLine line) {
        Digital<?, ?, ?> digital = inputs.containsKey(line) ? inputs.get(line) : outputs.get(line);
        if (digital == null) {
            throw new IllegalStateException("GPIO line " + line + " is not open");
        }
        return level(digital.state());
    }

    @Override
    public void close(GpioLine line) {
        if (outputs.remove(line) != null || inputs.remove(line) != null) {
            pi4j.shutdown(ioId(line));
        }
    }

    @Override
    public void close() {
        pi4j.shutdown();
    }

    /** Pi4J's own errors say little about the usual causes; this says where to look. */
    private static <T> T opened(GpioLine line, Supplier<T> open) {
        try {
            return open.get();
        } catch (IllegalArgumentException e) {
            throw e; // checked(): already says what to do
        } catch (RuntimeException e) {
            throw new IllegalStateException("Pi4J cannot open GPIO line " + line + ": " + e.getMessage()
                    + " (does the device have /dev/gpiochip*, and may the agent's user open it? group gpio)", e);
        }
    }

    private static GpioLine checked(GpioLine line) {
        if (!line.chip().equals(HEADER_CHIP)) {
            throw new IllegalArgumentException("GPIO line " + line + " is on " + line.chip()
                    + ", but the Pi4J backend serves the board's header chip only (" + HEADER_CHIP
                    + " in skiff.yaml); grant a header line");
        }
        return line;
    }

    private static DigitalState state(Level level) {
        return level == Level.HIGH ? DigitalState.HIGH : DigitalState.LOW;
    }

    private static Level level(DigitalState state) {
        return state == DigitalState.HIGH ? Level.HIGH : Level.LOW;
    }
}
