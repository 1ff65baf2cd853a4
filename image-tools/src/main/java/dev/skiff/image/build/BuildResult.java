package dev.skiff.image.build;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;
import dev.skiff.protocols.manifest.AppManifest;

/** A built image: its tag, the index (what the tag points at) and the wasm manifest inside it. */
public record BuildResult(Reference reference, Descriptor index, Descriptor wasmManifest, AppManifest app) {}
