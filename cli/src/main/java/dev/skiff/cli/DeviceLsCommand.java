package dev.skiff.cli;

import dev.skiff.agent.client.DeviceRecord;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "ls", description = "List the enrolled devices.", mixinStandardHelpOptions = true)
final class DeviceLsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-20s %-24s %-26s %s%n";
        out.printf(format, "NAME", "ADDRESS", "ENROLLED", "KEY");
        for (DeviceRecord d : SkiffHome.devices().list()) {
            out.printf(format, d.name(), d.address(), d.enrolledAt(), d.keyPin());
        }
        return 0;
    }
}
