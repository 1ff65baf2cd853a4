package dev.skiff.cli;

import dev.skiff.image.ImageInspector;
import dev.skiff.protocols.Quantities;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "images", description = "List the images in the local store.", mixinStandardHelpOptions = true)
final class ImagesCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        String format = "%-40s %-14s %10s  %s%n";
        out.printf(format, "IMAGE", "DIGEST", "SIZE", "SIGNATURES");
        for (ImageInspector.Summary s : new ImageInspector(SkiffHome.imageStore()).list()) {
            out.printf(format, s.reference().familiar(), s.digest().shortHex(), Quantities.formatBytes(s.totalBytes()), s.signatures());
        }
        return 0;
    }
}
