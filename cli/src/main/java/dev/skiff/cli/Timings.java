package dev.skiff.cli;

import dev.skiff.runtime.Container;
import dev.skiff.runtime.PreparedModule;
import java.time.Duration;
import java.util.Locale;

/** The {@code -v} line of {@code skiff run}. */
final class Timings {
    private Timings() {}

    static String describe(PreparedModule module, Container container) {
        String compile =
                switch (module.source()) {
                    case COMPILED -> "compile " + ms(module.compileTime()) + " (compiled, cache miss)";
                    case DISK_CACHE -> "compile " + ms(module.compileTime()) + " (cache hit)";
                    case MEMORY -> "compile 0 ms (already prepared)";
                    case INTERPRETER -> "compile skipped (interpreter)";
                };
        return "skiff: parse " + ms(module.parseTime())
                + ", " + compile
                + ", instantiate " + ms(container.instantiateTime())
                + ", run " + ms(container.runTime())
                + " [" + module.digest() + "]";
    }

    private static String ms(Duration d) {
        return String.format(Locale.ROOT, "%.1f ms", d.toNanos() / 1e6);
    }
}
