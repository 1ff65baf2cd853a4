package dev.skiff.cli;

import dev.skiff.fleet.FleetOperator;
import dev.skiff.fleet.FleetSettings;
import java.io.IOException;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The {@code --broker} of fleet commands; the rollout database lives under {@code $SKIFF_HOME/fleet/}. */
final class FleetOptions {
    @Option(names = "--broker", paramLabel = "URL",
            description = "The fleet's MQTT broker, tcp://HOST:PORT or ssl://HOST:PORT (default: $SKIFF_FLEET_BROKER).")
    String broker;

    FleetOperator open(PrintWriter err) throws IOException {
        return FleetOperator.open(FleetSettings.resolve(SkiffHome.dir(), broker), line -> {
            err.println(line);
            err.flush();
        });
    }
}
