package dev.skiff.cli;

import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.Container;
import dev.skiff.runtime.ContainerSpec;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.Limits;
import dev.skiff.runtime.PreparedModule;
import dev.skiff.protocols.Quantities;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.ModuleException;
import dev.skiff.runtime.engine.Mount;
import dev.skiff.runtime.wasi.InterruptibleInput;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        description = {
            "Run a WASI module in the sandbox.",
            "The exit code is the guest's; 128+signal when it was killed, 137 when it failed, 125 for errors of skiff itself."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class RunCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Option(names = "--dir", paramLabel = "HOST[:GUEST]",
            description = "Map a host directory into the guest (GUEST defaults to /<name of HOST>; may be /). Repeatable.")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "K=V", description = "Set an environment variable. Repeatable.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--memory", paramLabel = "SIZE", defaultValue = "256M",
            description = "Linear memory limit, e.g. 64M (default: ${DEFAULT-VALUE}).")
    String memory;

    @Option(names = "--cpu-time", paramLabel = "DURATION",
            description = "Kill the guest after this much CPU time, e.g. 5s or 500ms.")
    String cpuTime;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Kill the guest after this much wall time, e.g. 30s.")
    String timeout;

    @Option(names = "--stack", paramLabel = "SIZE", defaultValue = "8M",
            description = "Stack of the guest thread; bounds recursion depth (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--interpreter", description = "Interpret instead of compiling to JVM bytecode.")
    boolean interpreter;

    @Option(names = {"-v", "--verbose"}, description = "Print timings: parse, compile (or cache hit), instantiate, run.")
    boolean verbose;

    @Parameters(index = "0", paramLabel = "FILE.wasm", description = "The module to run.")
    Path file;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the guest (put them after --).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        Limits limits = limits();
        List<Mount> mounts = mounts();
        byte[] wasm = read(file);
        List<String> argv = new ArrayList<>();
        argv.add(file.getFileName().toString());
        argv.addAll(args);

        try (Sandbox sandbox = Sandbox.withCompileCache(SkiffHome.compileCache())) {
            ExecutionMode mode = interpreter ? ExecutionMode.INTERPRETED : ExecutionMode.COMPILED;
            PreparedModule module = sandbox.prepare(wasm, mode);
            Container container =
                    sandbox.create(
                            module,
                            new ContainerSpec(
                                    file.getFileName().toString(),
                                    argv,
                                    env,
                                    mounts,
                                    new InterruptibleInput(System.in),
                                    new FileOutputStream(FileDescriptor.out),
                                    new FileOutputStream(FileDescriptor.err),
                                    limits,
                                    List.of()));
            Thread stopOnSignal = new Thread(() -> stopQuietly(container), "skiff-stop");
            Runtime.getRuntime().addShutdownHook(stopOnSignal);
            ContainerState end = container.run();
            Runtime.getRuntime().removeShutdownHook(stopOnSignal);
            if (verbose) {
                err.println(Timings.describe(module, container));
            }
            if (!(end instanceof ContainerState.Exited)) {
                err.println("skiff: container " + end.describe());
            }
            err.flush();
            return end.exitCode();
        } catch (ModuleException | AdmissionException e) {
            throw new IllegalArgumentException(file + ": " + e.getMessage(), e);
        }
    }

    private static void stopQuietly(Container container) {
        try {
            container.stop(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private Limits limits() {
        Limits limits =
                Limits.DEFAULT
                        .withMemoryBytes(Quantities.parseBytes(memory))
                        .withStackBytes(Quantities.parseBytes(stack));
        if (cpuTime != null) {
            limits = limits.withCpuTime(Quantities.parseDuration(cpuTime));
        }
        if (timeout != null) {
            limits = limits.withWallTime(Quantities.parseDuration(timeout));
        }
        return limits;
    }

    private List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        for (String dir : dirs) {
            Mount mount = Mount.parse(dir);
            if (!Files.isDirectory(mount.hostDir())) {
                throw new IllegalArgumentException("--dir " + dir + ": " + mount.hostDir() + " is not a directory");
            }
            mounts.add(mount);
        }
        return mounts;
    }

    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
