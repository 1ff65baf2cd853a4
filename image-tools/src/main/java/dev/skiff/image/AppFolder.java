package dev.skiff.image;

import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.ManifestException;
import dev.skiff.protocols.manifest.ManifestParser;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Locale;

/**
 * An app folder as {@code skiff build} packs it and {@code skiff run DIR} runs it: a
 * {@code skiff.yaml} and the module it names. Problems are IllegalArgumentExceptions whose
 * message is meant for the user.
 *
 * @param moduleFile where the module was read from
 */
public record AppFolder(AppManifest app, Path moduleFile, byte[] wasm) {

    public static AppFolder read(Path dir) {
        AppManifest app = readManifest(dir);
        Path file = dir.resolve(app.module()).normalize();
        if (!file.startsWith(dir.normalize())) {
            throw new IllegalArgumentException("skiff.yaml: module " + app.module() + " lies outside the app folder");
        }
        try {
            return new AppFolder(app, file, Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("module " + file + " not found (skiff.yaml names it as 'module'; build it first)");
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Makes an app folder of the folder holding {@code wasm}: writes a {@code skiff.yaml} naming it,
     * with the name from the file name, version 0.1.0, no grants. Refuses to replace a skiff.yaml.
     */
    public static AppFolder create(Path wasm) throws IOException {
        Path dir = wasm.toAbsolutePath().getParent();
        Path manifest = dir.resolve("skiff.yaml");
        if (Files.exists(manifest)) {
            throw new FileAlreadyExistsException(manifest.toString(), null, "already exists; open the folder instead");
        }
        String file = wasm.getFileName().toString();
        String stem = file.endsWith(".wasm") ? file.substring(0, file.length() - ".wasm".length()) : file;
        String name = stem.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]+", "-").replaceAll("^[^a-z0-9]+|[^a-z0-9]+$", "");
        Files.writeString(manifest, """
                # Made by the Skiff Workbench from %s; see examples/*/skiff.yaml for every key.
                name: %s
                version: 0.1.0
                module: %s
                """.formatted(file, name.isEmpty() ? "app" : name, file));
        return read(dir);
    }

    private static AppManifest readManifest(Path dir) {
        Path file = dir.resolve("skiff.yaml");
        try {
            return ManifestParser.parse(Files.readString(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException(dir + " has no skiff.yaml (an app folder needs one; see examples/hello/skiff.yaml)");
        } catch (ManifestException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }
}
