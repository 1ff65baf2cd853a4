package dev.skiff.bench;

import java.lang.management.ManagementFactory;

/** The machine and JVM a figure was measured on, for the report header. */
final class Environment {
    private Environment() {}

    static String describe() {
        return System.getProperty("os.arch") + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, Java " + Runtime.version()
                + ", JVM flags " + ManagementFactory.getRuntimeMXBean().getInputArguments();
    }
}
