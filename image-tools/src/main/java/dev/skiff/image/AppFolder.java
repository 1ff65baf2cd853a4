package dev.skiff.image;

import dev.skiff.protocols.manifest.AppManifest;
import dev.skiff.protocols.manifest.ManifestException;
import dev.skiff.protocols.manifest.ManifestParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

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
