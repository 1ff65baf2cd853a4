package dev.skiff.cli;

import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.api.ContainerInfo;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;

/** The container listing of {@code skiff ps} and {@code skiff device status}. */
final class ContainerTable {
    private ContainerTable() {}

    static void print(PrintWriter out, List<ContainerInfo> containers) {
        String format = "%-24s %-10s %8s %10s %10s  %s%n";
        out.printf(format, "CONTAINER", "STATE", "RESTARTS", "MEMORY", "CPU", "STATUS");
        for (ContainerInfo c : containers) {
            out.printf(format, c.name(), c.restarting() ? "restarting" : c.state(), c.restarts(), Quantities.formatBytes(c.memoryLimitBytes()),
                    Quantities.formatDuration(Duration.ofMillis(c.cpuTimeMillis())), c.detail());
        }
        out.flush();
    }
}
