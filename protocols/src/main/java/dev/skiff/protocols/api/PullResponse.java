package dev.skiff.protocols.api;

/**
 * What a pull stored.
 *
 * @param image the image pinned to the digest pulled ({@code REPO@sha256:…}): what to deploy
 * @param downloadedBytes what crossed the wire; blobs the agent had were not downloaded
 */
public record PullResponse(String image, long downloadedBytes) {}
