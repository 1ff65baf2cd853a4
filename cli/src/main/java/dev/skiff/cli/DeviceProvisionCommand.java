package dev.skiff.cli;

import dev.skiff.agent.AgentConfig;
import dev.skiff.agent.client.DeviceRecord;
import dev.skiff.agent.client.SerialProvisioner;
import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.FleetCa;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "provision",
        description = {
            "Enroll a device over a serial line to its console (the agent's 'console:' setting), with the fleet CA.",
            "The device tells its key, API address and one-time token over the line; it receives a server certificate"
                    + " for that key and from then on answers only the CA's clients. The device is recorded in $SKIFF_HOME/devices.json."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class DeviceProvisionCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--serial", required = true, paramLabel = "DEVICE", description = "This machine's end of the line, e.g. /dev/ttyUSB0.")
    String serial;

    @Option(names = "--baud", defaultValue = "" + AgentConfig.Console.DEFAULT_BAUD, paramLabel = "BAUD", description = "Line speed (default: ${DEFAULT-VALUE}, the agent's default).")
    int baud;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name to know the device by.")
    String name;

    @Option(names = "--token", paramLabel = "TOKEN",
            description = "The token the agent printed (SECRET.PIN); checked against the key the device shows. Default: the one the device tells over the line.")
    String token;

    @Option(names = "--address", paramLabel = "HOST:PORT",
            description = "Where to reach the device's API from here (default: the address the device tells).")
    String address;

    @Override
    public Integer call() throws Exception {
        var request = new SerialProvisioner.Request(serial, baud, name,
                Optional.ofNullable(token).map(EnrollmentToken::parse), Optional.ofNullable(address));
        DeviceRecord device = SkiffHome.home().provision(request, FleetCa.open(SkiffHome.caDir()),
                ProgressPrinter.forStderr(spec.commandLine().getErr()));
        spec.commandLine().getOut().println("enrolled " + device.name() + " at " + device.address() + " (key " + device.keyPin() + ")");
        return 0;
    }
}
