package dev.skiff.agent.content;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Frees the blobs nothing needs: neither a release the agent may still run (the caller names
 * those: current, previous and deploying ones) nor a tag in the store (an image delivered but
 * not deployed yet). Run it while no image is being deployed.
 */
public final class ImageGc {
    private final ContentStore content;

    public ImageGc(ContentStore content) {
        this.content = content;
    }

    /** Deletes unreferenced blobs; returns how many bytes were freed. */
    public long collect(Collection<Digest> releaseImages) throws IOException {
        List<Descriptor> roots = new ArrayList<>();
        for (Digest image : releaseImages) {
            if (content.images().blobs().has(image)) {
                try {
                    roots.add(content.descriptor(image));
                } catch (ImageFormatException e) {
                    throw new IOException("the image store is damaged, not collecting garbage: " + e.getMessage(), e);
                }
            }
        }
        return content.images().gc(roots);
    }
}
