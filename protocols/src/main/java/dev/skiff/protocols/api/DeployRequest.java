package dev.skiff.protocols.api;

/**
 * {@code POST /v1/apps/{app}/deploy}: an image already in the agent's store, named with its
 * repository (the trust policy looks up signatures there), best pinned: {@code REPO@sha256:…}.
 */
public record DeployRequest(String image) {}
