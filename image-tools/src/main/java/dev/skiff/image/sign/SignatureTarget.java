package dev.skiff.image.sign;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.store.ImageGraph;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.TaggedImage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** A manifest or index digest that gets its own signature; {@code role} says which part of the image it is. */
public record SignatureTarget(Digest digest, String role) {
    /**
     * What signing {@code ref} covers (DESIGN §3.3): its own digest and, for an index, each wasm
     * manifest once, though an index lists it twice (wasi/wasm and wasip1/wasm). A device pulling
     * by platform fetches the manifest, not the index, so that manifest needs a signature too.
     */
    static List<SignatureTarget> of(ImageStore store, Reference ref) throws IOException, ImageFormatException {
        Descriptor root = store.resolve(ref).orElseThrow(() -> new IllegalArgumentException(
                ref.familiar() + " is not in the local image store; build, load or pull it first"));
        if (new TaggedImage(ref, root).isSignature()) {
            throw new IllegalArgumentException(ref.familiar() + " is a signature, not an image; name the image it signs");
        }
        if (!ImageGraph.isIndex(root)) {
            return List.of(new SignatureTarget(root.digest(), "manifest"));
        }
        List<SignatureTarget> targets = new ArrayList<>();
        targets.add(new SignatureTarget(root.digest(), "index"));
        Set<Digest> wasm = new LinkedHashSet<>();
        for (Descriptor m : ImageGraph.index(root, store.source()).manifests()) {
            if (m.platform() != null && m.platform().isWasm()) {
                wasm.add(m.digest());
            }
        }
        wasm.forEach(d -> targets.add(new SignatureTarget(d, "wasm manifest")));
        return targets;
    }

    @Override
    public String toString() {
        return role + " " + digest;
    }
}
