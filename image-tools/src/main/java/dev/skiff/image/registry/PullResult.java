package dev.skiff.image.registry;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.oci.Reference;

/** What a pull stored: the reference now tagged locally, the image it names, and the bytes downloaded. */
public record PullResult(Reference reference, Descriptor root, long downloadedBytes) {}
