package dev.skiff.image.launch;

import dev.skiff.image.AppFolder;
import dev.skiff.image.AppImage;
import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.Reference;
import dev.skiff.image.registry.ImageFetcher;
import dev.skiff.image.store.ImageStore;
import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.runtime.Limits;
import dev.skiff.runtime.Sandbox;
import dev.skiff.runtime.engine.Mount;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What to start for {@code skiff run} (and the workbench's local runs): a module file, an app
 * folder, or an image's module, with the args, env and volumes of its manifest. ARGS given by the
 * user replace the app's own, as with docker run. Volumes are directories under
 * {@code volumesRoot/APP/}, kept between runs.
 */
public record AppLaunch(String name, byte[] wasm, List<String> argv, Map<String, String> env, Optional<AppManifest> app, List<Mount> volumes) {

    public static AppLaunch ofFile(Path file, List<String> args) {
        byte[] wasm;
        try {
            wasm = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(file + ": no such file");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
        List<String> argv = new ArrayList<>();
        argv.add(file.getFileName().toString());
        argv.addAll(args);
        return new AppLaunch(file.getFileName().toString(), wasm, argv, Map.of(), Optional.empty(), List.of());
    }

    /** An app folder (skiff.yaml beside its module), run with its manifest's settings like an image. */
    public static AppLaunch ofAppFolder(Path dir, List<String> args, Path volumesRoot) throws IOException {
        AppFolder folder = AppFolder.read(dir);
        AppManifest app = folder.app();
        List<String> argv = new ArrayList<>();
        argv.add(folder.moduleFile().getFileName().toString());
        argv.addAll(args.isEmpty() ? app.args() : args);
        return new AppLaunch(app.name(), folder.wasm(), argv, app.env(), Optional.of(app), volumes(Optional.of(app), volumesRoot));
    }

    /** An image from the store (pulled first when {@code fetcher} must); its precompiled layer is offered to {@code sandbox}. */
    public static AppLaunch ofImage(ImageFetcher fetcher, Reference ref, List<String> args, Sandbox sandbox, Path volumesRoot)
            throws IOException, ImageFormatException {
        ImageStore store = fetcher.store();
        Descriptor root = fetcher.resolve(ref);
        AppImage image = AppImage.open(store.source(), root);
        if (image.precompiled() != null) {
            sandbox.offerPrecompiled(image.wasm(), image.precompiled().engineVersion(), image.precompiled().artifact());
        }
        List<String> argv = new ArrayList<>(args.isEmpty() ? image.argv() : List.of(image.argv().getFirst()));
        argv.addAll(args);
        String name = image.app().map(AppManifest::name).orElse(ref.shortName());
        return new AppLaunch(name, image.wasm(), argv, image.env(), image.app(), volumes(image.app(), volumesRoot));
    }

    /** The limits of the app's manifest over the defaults; the defaults for a bare module. */
    public Limits limits() {
        return app.map(a -> Limits.of(a.resources())).orElse(Limits.DEFAULT);
    }

    private static List<Mount> volumes(Optional<AppManifest> app, Path volumesRoot) throws IOException {
        List<Mount> mounts = new ArrayList<>();
        if (app.isPresent()) {
            for (AppManifest.Volume v : app.get().volumes()) {
                Path dir = volumesRoot.resolve(app.get().name()).resolve(v.name());
                Files.createDirectories(dir);
                mounts.add(new Mount(dir, v.path()));
            }
        }
        return mounts;
    }
}
