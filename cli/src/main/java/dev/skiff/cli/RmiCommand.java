package dev.skiff.cli;

import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageStore;
import dev.skiff.protocols.Quantities;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "rmi", description = "Remove images from the local store; blobs no other image uses are deleted.", mixinStandardHelpOptions = true)
final class RmiCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "REF", description = "Images to remove (a tag, or REPO@DIGEST for every tag of that digest).")
    List<String> refs;

    @Override
    public Integer call() throws Exception {
        ImageStore store = SkiffHome.imageStore();
        for (String text : refs) {
            Reference ref = Reference.parse(text);
            List<Reference> removed = store.untag(ref);
            if (removed.isEmpty()) {
                throw new IllegalArgumentException(text + ": no such image in the local store (see skiff images)");
            }
            removed.forEach(r -> spec.commandLine().getOut().println("untagged " + r.familiar()));
        }
        spec.commandLine().getErr().println("freed " + Quantities.formatBytes(store.gc()));
        return 0;
    }
}
