package dev.skiff.cli;

import dev.skiff.protocols.api.ReleaseInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", description = "List an app's releases on a device, newest first, with their outcomes.", mixinStandardHelpOptions = true)
final class HistoryCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DeviceOption device;

    @Parameters(index = "0", paramLabel = "APP", description = "The app on the device.")
    String app;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-6s %-12s %-14s %-26s %s%n";
        out.printf(format, "RELEASE", "STATE", "IMAGE", "CREATED", "DETAIL");
        for (ReleaseInfo r : device.client().history(app)) {
            out.printf(format, "r" + r.id(), r.state(), r.image().replace("sha256:", "").substring(0, 12),
                    r.createdAt(), r.detail() == null ? "" : r.detail());
        }
        return 0;
    }
}
