package dev.skiff.cli;

import dev.skiff.image.layout.OciLayoutArchive;
import dev.skiff.image.oci.Reference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "load", description = {
            "Load images from an OCI image layout (tar or directory) into the local store.",
            "Everything is verified first (digests, sizes, manifests, tar paths); on any error the store is left as it was."},
        mixinStandardHelpOptions = true)
final class LoadCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = {"-t", "--tag"}, paramLabel = "NAME[:TAG]",
            description = "Name for images the layout names only by tag (as skopeo writes them); the layout's tag is kept when NAME has none.")
    String tag;

    @Parameters(paramLabel = "FILE.tar|DIR", description = "The layout to load.")
    Path source;

    @Override
    public Integer call() throws Exception {
        if (!Files.exists(source)) {
            throw new IllegalArgumentException(source + ": no such file or directory");
        }
        Reference retag = null;
        if (tag != null) {
            retag = tag.contains(":") || tag.contains("@") ? Reference.parse(tag) : Reference.parse(tag).withTag(null);
        }
        for (Reference ref : OciLayoutArchive.load(SkiffHome.imageStore(), source, retag, ProgressPrinter.forStderr(spec.commandLine().getErr()))) {
            spec.commandLine().getOut().println("loaded " + ref.familiar());
        }
        return 0;
    }
}
