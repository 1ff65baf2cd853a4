package dev.skiff.cli;

import dev.skiff.image.build.BuildRequest;
import dev.skiff.image.build.BuildResult;
import dev.skiff.image.build.ImageBuilder;
import dev.skiff.image.build.NativeBinary;
import dev.skiff.image.oci.Reference;
import dev.skiff.runtime.Sandbox;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "build",
        description = {
            "Build an app folder (skiff.yaml + module) into an OCI image in the local store and print its digest.",
            "The image is an index listing the wasm manifest as wasi/wasm and wasip1/wasm; the same inputs always give the same digest."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class BuildCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME[:TAG]", description = "Name the image (default: name:version from skiff.yaml).")
    String tag;

    @Option(names = "--artifact", description = "Use the CNCF wasm artifact form (application/wasm layer) instead of the default tar layer with /app.wasm.")
    boolean artifact;

    @Option(names = "--native", paramLabel = "OS/ARCH[/VARIANT]=FILE",
            description = "Add a native fallback executable for that platform to the index, e.g. linux/arm64=build/app. Repeatable.")
    List<String> natives = new ArrayList<>();

    @Option(names = "--precompile", description = "Add a layer of JVM classes compiled from the module; devices with the same engine version skip compiling.")
    boolean precompile;

    @Parameters(index = "0", arity = "0..1", paramLabel = "DIR", defaultValue = ".", description = "The app folder (default: current directory).")
    Path dir;

    @Override
    public Integer call() throws Exception {
        BuildRequest request = new BuildRequest(dir, tag == null ? null : Reference.parse(tag), artifact,
                natives.stream().map(NativeBinary::parse).toList(), precompile);
        try (Sandbox sandbox = Sandbox.inMemory()) {
            BuildResult result = new ImageBuilder(SkiffHome.imageStore(), sandbox).build(request, ProgressPrinter.forStderr(spec.commandLine().getErr()));
            spec.commandLine().getErr().println("built " + result.reference().familiar());
            spec.commandLine().getOut().println(result.index().digest());
        }
        return 0;
    }
}
