package dev.skiff.image.registry;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.progress.ProgressEvent;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.image.store.ImageStore;
import java.io.IOException;
import java.util.Optional;

/**
 * Finds the image a command should act on: in the local store, or else pulled from the registry
 * its reference names. Names without a registry (Docker Hub) are not pulled implicitly, so an
 * offline typo fails at once instead of after network retries; {@code skiff pull} fetches them.
 */
public record ImageFetcher(ImageStore store, RegistryClient registry, ProgressListener progress) {

    public Descriptor resolve(Reference ref) throws IOException, ImageFormatException {
        Optional<Descriptor> local = store.resolve(ref);
        if (local.isPresent()) {
            return local.get();
        }
        if (ref.registry().equals(Reference.DOCKER_HUB)) {
            throw new IllegalArgumentException(ref.familiar() + ": no such image in the local store (skiff build it, or skiff pull "
                    + ref + " to fetch it from Docker Hub; see skiff images)");
        }
        progress.on(new ProgressEvent.Note("pulling " + ref.familiar() + " (not in the local store)"));
        return new ImagePuller(store, registry, progress).pull(ref).root();
    }
}
