package dev.skiff.cli;

import dev.skiff.agent.client.AgentClient;
import java.io.IOException;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code skiff stop|start|rm|rollback --device D APP}: one call on an app of a device, one line of output. */
abstract class AppCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Mixin DeviceOption device;

    @Parameters(index = "0", paramLabel = "APP", description = "The app on the device.")
    String app;

    /** Does the call; returns what to print. */
    abstract String act(AgentClient client, String app) throws IOException;

    @Override
    public Integer call() throws Exception {
        spec.commandLine().getOut().println(act(device.client(), app));
        return 0;
    }

    @Command(name = "stop", description = "Stop an app; it stays stopped across agent restarts.", mixinStandardHelpOptions = true)
    static final class Stop extends AppCommand {
        @Override
        String act(AgentClient client, String app) throws IOException {
            client.stop(app);
            return "stopped " + app;
        }
    }

    @Command(name = "start", description = "Start a stopped app's current release again.", mixinStandardHelpOptions = true)
    static final class Start extends AppCommand {
        @Override
        String act(AgentClient client, String app) throws IOException {
            client.start(app);
            return "started " + app;
        }
    }

    @Command(name = "rm", description = "Stop an app and remove it with its releases and logs (its volumes stay).", mixinStandardHelpOptions = true)
    static final class Remove extends AppCommand {
        @Override
        String act(AgentClient client, String app) throws IOException {
            client.remove(app);
            return "removed " + app;
        }
    }

    @Command(name = "rollback", description = "Return an app to its previous release.", mixinStandardHelpOptions = true)
    static final class Rollback extends AppCommand {
        @Override
        String act(AgentClient client, String app) throws IOException {
            return "rolled " + app + " back to r" + client.rollback(app).id();
        }
    }
}
