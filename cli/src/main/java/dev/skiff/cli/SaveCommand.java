package dev.skiff.cli;

import dev.skiff.image.layout.OciLayoutArchive;
import dev.skiff.image.oci.Reference;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "save", description = "Write images (with their signatures) to an OCI image layout tar, e.g. for a USB stick; skopeo copy oci-archive:FILE reads it.",
        mixinStandardHelpOptions = true)
final class SaveCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE.tar", description = "The tar file to write.")
    Path output;

    @Parameters(arity = "1..*", paramLabel = "REF", description = "Images to save.")
    List<String> refs;

    @Override
    public Integer call() throws Exception {
        OciLayoutArchive.save(SkiffHome.imageStore(), refs.stream().map(Reference::parse).toList(), output,
                ProgressPrinter.forStderr(spec.commandLine().getErr()));
        spec.commandLine().getErr().println("saved " + String.join(", ", refs) + " to " + output);
        return 0;
    }
}
