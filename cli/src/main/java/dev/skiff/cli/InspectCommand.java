package dev.skiff.cli;

import dev.skiff.image.ImageInspector;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.Quantities;
import dev.skiff.protocols.manifest.AppManifest;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "inspect", description = "Show an image of the local store: platforms, layers, sizes, the app manifest and requested capabilities, signatures.",
        mixinStandardHelpOptions = true)
final class InspectCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(paramLabel = "REF", description = "Image reference, e.g. hello:1.0.0 or localhost:5000/hello@sha256:...")
    String ref;

    @Override
    public Integer call() throws Exception {
        ImageInspector.Details d = new ImageInspector(SkiffHome.imageStore()).inspect(Reference.parse(ref));
        PrintWriter out = spec.commandLine().getOut();
        out.println("image:      " + d.reference());
        out.println("digest:     " + d.root().digest() + "  (" + d.root().mediaType() + ")");
        out.println("signatures: " + (d.signatures() == 0 ? "none (skiff sign signs it)" : d.signatures()));
        for (ImageInspector.PlatformEntry p : d.platforms()) {
            out.println("platform " + (p.platform() == null ? "(single manifest)" : p.platform()) + ": manifest " + p.manifest().digest());
            out.println("  config  " + line(p.config()));
            for (Descriptor layer : p.layers()) {
                out.println("  layer   " + line(layer));
            }
        }
        d.app().ifPresentOrElse(app -> printApp(out, app), () -> out.println("app:        no skiff manifest (image made by another tool)"));
        return 0;
    }

    private static String line(Descriptor d) {
        return d.digest().shortHex() + "  " + Quantities.formatBytes(d.size()) + "  " + d.mediaType()
                + (d.annotations().isEmpty() ? "" : "  " + d.annotations());
    }

    private static void printApp(PrintWriter out, AppManifest app) {
        out.println("app:        " + app.name() + " " + app.version() + " (module " + app.module() + ")");
        out.println("args:       " + app.args());
        out.println("env:        " + app.env());
        out.println("memory:     " + Quantities.formatBytes(app.resources().memoryBytes()));
        out.println("restart:    " + app.restart().policy().yaml);
        out.println("capabilities: none requested");
    }
}
