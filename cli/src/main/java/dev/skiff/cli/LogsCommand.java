package dev.skiff.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "logs", description = "Print an app's log from a device: TIME STREAM TEXT per line.", mixinStandardHelpOptions = true)
final class LogsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DeviceOption device;

    @Option(names = {"-f", "--follow"}, description = "Keep printing new lines as the app writes them (until interrupted).")
    boolean follow;

    @Parameters(index = "0", paramLabel = "APP", description = "The app on the device.")
    String app;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        device.client().logs(app, follow, line -> {
            out.println(line);
            out.flush();
        });
        return 0;
    }
}
