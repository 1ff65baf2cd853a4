package dev.skiff.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;

/** The machine and JVM a figure was measured on, for the report header. */
final class Environment {
    private Environment() {}

    /**
     * The 1, 5 and 15 minute load averages from {@code /proc/loadavg}: on a shared machine the
     * throughput figures are only as good as the quiet they were measured in.
     */
    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (IOException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    static String describe() {
        return System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version()
                + ", JVM flags " + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
}
