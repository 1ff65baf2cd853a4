package dev.skiff.cli;

import dev.skiff.agent.demo.LocalDemo;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "demo",
        description = {
            "Skiff end to end on this machine, on embedded defaults: starts a device agent on loopback with a temporary data dir,"
                    + " makes a fleet CA, enrolls the agent, builds and signs an example app, deploys it through the agent's mTLS API"
                    + " under a reject-unsigned trust policy, and streams its output.",
            "Runs until Ctrl-C (or --seconds); meanwhile the printed commands talk to the demo agent from another terminal."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class DemoCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--app", paramLabel = "DIR", defaultValue = "examples/sleeper",
            description = "The app folder to deploy (default: ${DEFAULT-VALUE}).")
    Path app;

    @Option(names = "--seconds", paramLabel = "N", description = "Stop after streaming N seconds of output (default: run until Ctrl-C).")
    Integer seconds;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(app.resolve("skiff.yaml"))) {
            throw new IllegalArgumentException(app + " is not an app folder (no skiff.yaml); run from the project root or give --app DIR");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path home = Files.createTempDirectory("skiff-demo-");
        LocalDemo.Running demo = new LocalDemo(home, app, line -> {
            out.println("demo: " + line);
            out.flush();
        }).start();
        Thread stop = new Thread(demo::close, "skiff-demo-stop");
        Runtime.getRuntime().addShutdownHook(stop);
        out.println("""
                demo: try, in another terminal while this runs:
                  SKIFF_HOME=%1$s ./skiff ps --device demo
                  SKIFF_HOME=%1$s ./skiff history --device demo %2$s
                  SKIFF_HOME=%1$s ./skiff logs -f --device demo %2$s
                demo: then build your own app (see examples/hello/skiff.yaml) and read the README for images, registries and signing.
                demo: output of %2$s:""".formatted(home, demo.appName()));
        out.flush();
        LocalDemo.follow(demo, seconds == null ? null : Duration.ofSeconds(seconds), line -> {
            out.println("  " + line);
            out.flush();
        });
        Runtime.getRuntime().removeShutdownHook(stop);
        demo.close();
        out.println("demo: stopped the agent (its data stays in " + home + ")");
        return 0;
    }
}
