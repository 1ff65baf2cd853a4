package dev.skiff.cli;

import dev.skiff.image.oci.Reference;
import picocli.CommandLine.Parameters;

/** The REF parameter of commands that act on an image in the local store. */
final class LocalImageRef {
    @Parameters(index = "0", paramLabel = "REF", description = "An image in the local store, e.g. 127.0.0.1:5000/hello:1.0.")
    String text;

    Reference reference() {
        return Reference.parse(text);
    }
}
