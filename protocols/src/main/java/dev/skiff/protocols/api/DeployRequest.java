package dev.skiff.protocols.api;

/** {@code POST /v1/apps/{app}/deploy}: an image already in the agent's store, by digest. */
public record DeployRequest(String digest) {}
