package dev.skiff.cli;

import dev.skiff.runtime.Versions;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code skiff}: the operator's command line. Subcommands call library code and print. */
@Command(
        name = "skiff",
        mixinStandardHelpOptions = true,
        versionProvider = SkiffCommand.Version.class,
        description = "WebAssembly containers for edge devices.",
        footer = {"", "The desktop app: ./skiff gui [APP-FOLDER] starts the Skiff Workbench (see README, \"Workbench\")."},
        subcommands = {
            RunCommand.class,
            DemoCommand.class,
            AgentCommand.class,
            BuildCommand.class,
            ImagesCommand.class,
            InspectCommand.class,
            SaveCommand.class,
            LoadCommand.class,
            RmiCommand.class,
            KeyCommand.class,
            SignCommand.class,
            VerifyCommand.class,
            PushCommand.class,
            PullCommand.class,
            LoginCommand.class,
            LogoutCommand.class,
            CaCommand.class,
            DeviceCommand.class,
            DeployCommand.class,
            PsCommand.class,
            AppCommand.Stop.class,
            AppCommand.Start.class,
            AppCommand.Remove.class,
            AppCommand.Rollback.class,
            HistoryCommand.class,
            LogsCommand.class,
            FleetCommand.class,
            CommandLine.HelpCommand.class
        })
public final class SkiffCommand {

    /** Exit code for errors of Skiff itself (bad arguments, bad module), as docker run uses. */
    static final int SKIFF_ERROR = 125;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new SkiffCommand());
        cl.setExecutionExceptionHandler(
                (e, commandLine, parseResult) -> {
                    // Expected failures carry a message for users; anything else is a bug worth a trace.
                    if (isUserError(e)) {
                        commandLine.getErr().println("skiff: error: " + e.getMessage());
                    } else {
                        commandLine.getErr().println("skiff: internal error (please report): " + e);
                        e.printStackTrace(commandLine.getErr());
                    }
                    return SKIFF_ERROR;
                });
        cl.setParameterExceptionHandler(
                (e, args) -> {
                    CommandLine c = e.getCommandLine();
                    c.getErr().println("skiff: " + e.getMessage());
                    c.getErr().println("Run '" + c.getCommandSpec().qualifiedName() + " --help' for usage.");
                    return SKIFF_ERROR;
                });
        return cl;
    }

    /** Failures whose message tells the user what is wrong with their input or environment. */
    private static boolean isUserError(Exception e) {
        return e.getMessage() != null
                && (e instanceof IllegalArgumentException
                        || e instanceof dev.skiff.image.oci.ImageFormatException
                        || e instanceof java.io.IOException
                        || e instanceof java.security.GeneralSecurityException);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {
                "skiff " + Versions.skiff(),
                "engine chicory " + Versions.chicory() + ", Java " + Runtime.version()
            };
        }
    }
}
