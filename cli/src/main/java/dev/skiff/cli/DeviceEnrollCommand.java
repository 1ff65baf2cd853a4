package dev.skiff.cli;

import dev.skiff.agent.client.DeviceRecord;
import dev.skiff.agent.enroll.EnrollmentToken;
import dev.skiff.agent.pki.FleetCa;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "enroll",
        description = {
            "Enroll a device with the fleet CA, using the one-time token its agent printed at its first start.",
            "The token pins the device's key, so only that device is trusted; it receives a server certificate"
                    + " from the CA and from then on answers only the CA's clients. The device is recorded in $SKIFF_HOME/devices.json."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class DeviceEnrollCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "HOST:PORT", description = "The agent's API address.")
    String address;

    @Option(names = "--token", required = true, paramLabel = "TOKEN", description = "The token the agent printed (SECRET.PIN).")
    String token;

    @Option(names = "--name", required = true, paramLabel = "NAME", description = "The name to know the device by.")
    String name;

    @Override
    public Integer call() throws Exception {
        DeviceRecord device = SkiffHome.home().enroll(address, EnrollmentToken.parse(token), name, FleetCa.open(SkiffHome.caDir()));
        spec.commandLine().getOut().println("enrolled " + device.name() + " at " + device.address() + " (key " + device.keyPin() + ")");
        return 0;
    }
}
