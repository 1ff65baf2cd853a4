package dev.skiff.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "ps", description = "List the containers of a device.", mixinStandardHelpOptions = true)
final class PsCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DeviceOption device;

    @Override
    public Integer call() throws Exception {
        ContainerTable.print(spec.commandLine().getOut(), device.client().ps());
        return 0;
    }
}
