package dev.skiff.runtime.capability.gpio;

import dev.skiff.protocols.manifest.CapabilityGrants;
import java.io.PrintWriter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;

/** Prints a simulated board's changes for people: {@code +0.200s GPIO17 LED -> high}. */
public final class PinChangeLog implements Consumer<PinChange> {
    private final PrintWriter out;
    private final Map<GpioLine, String> labels = new HashMap<>();

    /** Lines are named by the labels {@code grants} give them. */
    public PinChangeLog(PrintWriter out, CapabilityGrants grants) {
        this.out = out;
        grants.gpio().forEach((label, grant) -> labels.put(GpioLine.of(grant), label));
    }

    @Override
    public void accept(PinChange change) {
        out.println(format(change));
        out.flush();
    }

    String format(PinChange change) {
        String label = labels.getOrDefault(change.line(), "");
        return String.format(Locale.ROOT, "+%.3fs %s%s -> %s", change.at().toNanos() / 1e9, change.line(),
                label.isEmpty() ? "" : " " + label, change.level().yaml());
    }
}
