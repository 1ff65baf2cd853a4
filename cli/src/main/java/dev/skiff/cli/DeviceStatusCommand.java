package dev.skiff.cli;

import dev.skiff.agent.client.AgentClient;
import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.api.DeviceInfo;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "status", description = "Ask an enrolled device about itself and its containers.", mixinStandardHelpOptions = true)
final class DeviceStatusCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(index = "0", paramLabel = "NAME", description = "The device, as enrolled.")
    String name;

    @Override
    public Integer call() throws Exception {
        AgentClient client = SkiffHome.client(name);
        DeviceInfo info = client.info();
        PrintWriter out = spec.commandLine().getOut();
        out.println("device:  " + info.name() + " (" + info.os() + "/" + info.arch() + ", skiff-agent " + info.agentVersion() + ")");
        out.println("memory:  " + Quantities.formatBytes(info.memoryUsedBytes()) + " of " + Quantities.formatBytes(info.memoryBudgetBytes())
                + " reserved by containers");
        out.println();
        ContainerTable.print(out, client.ps());
        return 0;
    }
}
