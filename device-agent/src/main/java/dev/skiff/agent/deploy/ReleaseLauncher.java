package dev.skiff.agent.deploy;

import dev.skiff.agent.content.ContentStore;
import dev.skiff.agent.state.Release;
import dev.skiff.agent.supervisor.ContainerTemplate;
import dev.skiff.image.AppImage;
import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.ManifestException;
import dev.skiff.protocols.manifest.ManifestParser;
import dev.skiff.runtime.Limits;
import dev.skiff.runtime.PreparedModule;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.ModuleException;
import dev.skiff.runtime.engine.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a release into what the supervisor runs: reads its image from the content store,
 * prepares (compiles, or loads from the compile cache) its module, and gives it its volumes
 * under {@code DATA/volumes/APP/VOLUME} and the limits of its manifest.
 */
final class ReleaseLauncher {
    private final ContentStore content;
    private final Sandbox sandbox;
    private final Path volumes;

    ReleaseLauncher(ContentStore content, Sandbox sandbox, Path volumes) {
        this.content = content;
        this.sandbox = sandbox;
        this.volumes = volumes;
    }

    /** The digest a reference names in the store, or why there is none. */
    Digest digestOf(Reference ref) throws LaunchException {
        try {
            return content.digestOf(ref);
        } catch (IOException | ImageFormatException e) {
            throw new LaunchException(e.getMessage(), e); // the store's messages name the image
        }
    }

    /** An image of the store, or why it cannot be read. */
    AppImage image(Digest digest) throws LaunchException {
        try {
            return content.open(digest);
        } catch (IOException | ImageFormatException e) {
            throw new LaunchException(e.getMessage(), e);
        }
    }

    /**
     * The manifest a release runs by: the image's {@code skiff.yaml}, or for images made by
     * other tools the defaults of an empty one (named after the app, versioned by digest).
     */
    static AppManifest manifest(String app, AppImage image) throws LaunchException {
        if (image.app().isPresent()) {
            return image.app().get();
        }
        String yaml = "name: " + app + "\nversion: " + image.manifestDigest().shortHex() + "\nmodule: " + image.argv().getFirst();
        try {
            return ManifestParser.parse(yaml, "defaults for " + app);
        } catch (ManifestException e) {
            throw new LaunchException(e.getMessage(), e);
        }
    }

    ContainerTemplate template(Release release, AppImage image, AppManifest manifest) throws LaunchException {
        return template(release.app(), release.id(), release.image(), image, manifest);
    }

    /** A template of an image's container under any name: a release's, or a one-off run's. */
    ContainerTemplate template(String app, long releaseId, Digest digest, AppImage image, AppManifest manifest) throws LaunchException {
        if (image.precompiled() != null) {
            sandbox.offerPrecompiled(image.wasm(), image.precompiled().engineVersion(), image.precompiled().artifact());
        }
        PreparedModule module;
        try {
            module = sandbox.prepare(image.wasm(), ExecutionMode.COMPILED);
        } catch (ModuleException e) {
            throw new LaunchException("module of image " + digest + ": " + e.getMessage(), e);
        }
        return new ContainerTemplate(app, releaseId, module, image.argv(), image.env(), mounts(app, manifest),
                Limits.of(manifest.resources()), manifest.restart(), manifest.capabilities());
    }

    private List<Mount> mounts(String app, AppManifest manifest) throws LaunchException {
        List<Mount> mounts = new ArrayList<>();
        for (AppManifest.Volume v : manifest.volumes()) {
            Path dir = volumes.resolve(app).resolve(v.name());
            try {
                Files.createDirectories(dir);
            } catch (IOException e) {
                throw new LaunchException("cannot create volume " + v.name() + " at " + dir + ": " + e.getMessage(), e);
            }
            mounts.add(new Mount(dir, v.path()));
        }
        return mounts;
    }
}
