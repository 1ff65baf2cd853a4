package dev.skiff.cli;

import dev.skiff.agent.client.DeviceDeployment;
import dev.skiff.agent.deploy.ImageRunner;
import dev.skiff.protocols.api.RunResult;
import dev.skiff.runtime.AdmissionException;
import dev.skiff.runtime.Container;
import dev.skiff.runtime.ContainerSpec;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.Limits;
import dev.skiff.runtime.PreparedModule;
import dev.skiff.image.launch.AppLaunch;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.registry.ImageFetcher;
import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.capability.CapabilityUnavailableException;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.Peripherals;
import dev.skiff.runtime.capability.gpio.GpioBackend;
import dev.skiff.runtime.capability.gpio.PinChangeLog;
import dev.skiff.runtime.capability.gpio.SimulatedBoard;
import dev.skiff.runtime.capability.serial.JsscSerialBackend;
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
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "run",
        description = {
            "Run a WASI module, an app folder, or an image from the local store, in the sandbox; or, with --device, an image on a device.",
            "An app folder or image runs with the args, env, limits, volumes and grants of its skiff.yaml; options and ARGS given here override them.",
            "The exit code is the guest's; 128+signal when it was killed, 137 when it failed, 125 for errors of skiff itself."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class RunCommand implements Callable<Integer> {

    @Spec CommandSpec spec;

    @Mixin RegistryOptions registry;

    @Option(names = "--dir", paramLabel = "HOST[:GUEST]",
            description = "Map a host directory into the guest (GUEST defaults to /<name of HOST>; may be /). Repeatable.")
    List<String> dirs = new ArrayList<>();

    @Option(names = "--env", paramLabel = "K=V", description = "Set an environment variable. Repeatable.")
    Map<String, String> env = new LinkedHashMap<>();

    @Option(names = "--memory", paramLabel = "SIZE",
            description = "Linear memory limit, e.g. 64M (default: the image's skiff.yaml, else 256M).")
    String memory;

    @Option(names = "--cpu-time", paramLabel = "DURATION",
            description = "Kill the guest after this much CPU time, e.g. 5s or 500ms (default: the image's skiff.yaml, else none).")
    String cpuTime;

    @Option(names = "--timeout", paramLabel = "DURATION",
            description = "Kill the guest after this much wall time, e.g. 30s (default: the image's skiff.yaml, else none).")
    String timeout;

    @Option(names = "--stack", paramLabel = "SIZE", defaultValue = "8M",
            description = "Stack of the guest thread; bounds recursion depth (default: ${DEFAULT-VALUE}).")
    String stack;

    @Option(names = "--interpreter", description = "Interpret instead of compiling to JVM bytecode.")
    boolean interpreter;

    @Option(names = {"-v", "--verbose"}, description = "Print timings: parse, compile (or cache hit), instantiate, run.")
    boolean verbose;

    /** Boards an app with GPIO grants can run against; devices get theirs from the agent. */
    enum Board { sim }

    @Option(names = "--board", paramLabel = "BOARD",
            description = "Give the app's GPIO grants a board: sim, a simulated board that prints every pin change to stderr.")
    Board board;

    @Option(names = "--serial", paramLabel = "NAME=DEVICE",
            description = "Open the app's serial port NAME on DEVICE (e.g. /dev/pts/3) instead of the device its grant names. Repeatable.")
    Map<String, String> serialDevices = new LinkedHashMap<>();

    @Option(names = "--device", paramLabel = "DEVICE",
            description = "Run REF once on this enrolled device instead (see skiff device ls), found in its store or pulled by it as skiff deploy does,"
                    + " with the args, env and limits of its skiff.yaml (ARGS override the args); its output is printed when it ends."
                    + " No app is made. --dir, --env, --memory, --cpu-time, --timeout, --interpreter, --board and --serial are for local runs.")
    String device;

    @Parameters(index = "0", paramLabel = "FILE.wasm|DIR|REF",
            description = "A module file (a path ending in .wasm or starting with . or /), an app folder (skiff.yaml and its module),"
                    + " or an image: from the local store, else pulled from the registry it names (e.g. 127.0.0.1:5000/hello:1.0.0).")
    String target;

    @Parameters(index = "1..*", paramLabel = "ARGS", description = "Arguments for the guest (put them after --).")
    List<String> args = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        if (device != null) {
            return runOnDevice(err);
        }
        try (Sandbox sandbox = Sandbox.withCompileCache(SkiffHome.compileCache())) {
            Path volumes = SkiffHome.dir().resolve("volumes");
            AppLaunch launch = Files.isDirectory(Path.of(target)) ? AppLaunch.ofAppFolder(Path.of(target), args, volumes)
                    : isFile(target) ? AppLaunch.ofFile(Path.of(target), args)
                    : AppLaunch.ofImage(new ImageFetcher(SkiffHome.imageStore(), registry.client(), ProgressPrinter.forStderr(err)),
                            Reference.parse(target), args, sandbox, volumes);
            Limits limits = limits(launch.app().map(AppManifest::resources).orElse(null));
            List<Mount> mounts = mounts();
            mounts.addAll(launch.volumes());
            Map<String, String> environment = new LinkedHashMap<>(launch.env());
            environment.putAll(env);
            byte[] wasm = launch.wasm();
            List<String> argv = launch.argv();
            ExecutionMode mode = interpreter ? ExecutionMode.INTERPRETED : ExecutionMode.COMPILED;
            PreparedModule module = sandbox.prepare(wasm, mode);
            Container container =
                    sandbox.create(
                            module,
                            new ContainerSpec(
                                    launch.name(),
                                    argv,
                                    environment,
                                    mounts,
                                    new InterruptibleInput(System.in),
                                    new FileOutputStream(FileDescriptor.out),
                                    new FileOutputStream(FileDescriptor.err),
                                    limits,
                                    capabilities(launch, err)));
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
            throw new IllegalArgumentException(target + ": " + e.getMessage(), e);
        }
    }

    private int runOnDevice(PrintWriter err) throws IOException {
        if (!dirs.isEmpty() || !env.isEmpty() || memory != null || cpuTime != null || timeout != null || interpreter || board != null
                || !serialDevices.isEmpty()) {
            throw new IllegalArgumentException("--device runs the image with the env and limits of its skiff.yaml;"
                    + " --dir, --env, --memory, --cpu-time, --timeout, --interpreter, --board and --serial are for local runs only");
        }
        if (isFile(target) || Files.isDirectory(Path.of(target))) {
            throw new IllegalArgumentException("--device runs an image, and " + target + " is a file or folder: build it (skiff build), push it"
                    + " to the device (skiff push REF --to " + device + ") and run that");
        }
        DeviceDeployment.RunOutcome outcome = new DeviceDeployment(SkiffHome.imageStore(), SkiffHome.client(device))
                .run(Reference.parse(target), args.isEmpty() ? null : args, false);
        outcome.pulled().ifPresent(pulled -> err.println(device + " pulled " + pulled.image() + " ("
                + Quantities.formatBytes(pulled.downloadedBytes()) + " downloaded)"));
        RunResult result = outcome.result();
        PrintWriter out = spec.commandLine().getOut();
        out.print(result.stdout());
        out.flush();
        err.print(result.stderr());
        if (result.outputTruncated()) {
            err.println("skiff: the output was cut to its first " + Quantities.formatBytes(ImageRunner.OUTPUT_LIMIT) + " per stream");
        }
        if (!result.detail().startsWith("exited")) {
            err.println("skiff: container " + result.detail());
        }
        err.flush();
        return result.exitCode();
    }

    /** Host modules for the app's grants; GPIO lines need a board to be on, serial ports are the host's devices. */
    private List<HostModule> capabilities(AppLaunch launch, PrintWriter err) {
        CapabilityGrants grants = launch.app().map(AppManifest::capabilities).orElse(CapabilityGrants.NONE)
                .withSerialDevices(serialDevices);
        Optional<GpioBackend> gpio = Optional.empty();
        if (board != null) {
            SimulatedBoard simulated = new SimulatedBoard();
            simulated.addListener(new PinChangeLog(err, grants));
            gpio = Optional.of(simulated);
        }
        try {
            return new Peripherals(gpio, new JsscSerialBackend(), "run it on the simulated board with --board sim")
                    .hostModules(launch.name(), grants);
        } catch (CapabilityUnavailableException e) {
            throw new IllegalArgumentException(e.getMessage());
        }
    }

    private static void stopQuietly(Container container) {
        try {
            container.stop(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A module file rather than an image reference: what people type for files. */
    private static boolean isFile(String target) {
        return target.endsWith(".wasm") || target.startsWith(".") || target.startsWith("/") || Files.isRegularFile(Path.of(target));
    }

    /** Flags first, then the image's skiff.yaml ({@code fromImage} may be null), then defaults. */
    private Limits limits(AppManifest.Resources fromImage) {
        Limits limits = Limits.DEFAULT.withStackBytes(Quantities.parseBytes(stack));
        if (memory != null) {
            limits = limits.withMemoryBytes(Quantities.parseBytes(memory));
        } else if (fromImage != null) {
            limits = limits.withMemoryBytes(fromImage.memoryBytes());
        }
        Duration cpu = cpuTime != null ? Quantities.parseDuration(cpuTime) : fromImage != null ? fromImage.cpuTime() : null;
        Duration wall = timeout != null ? Quantities.parseDuration(timeout) : fromImage != null ? fromImage.wallTime() : null;
        if (cpu != null) {
            limits = limits.withCpuTime(cpu);
        }
        if (wall != null) {
            limits = limits.withWallTime(wall);
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
}
