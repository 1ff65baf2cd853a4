package dev.skiff.protocols.api;

/** {@code POST /v1/images/pull}: an image of an external registry for the agent to pull, e.g. {@code ghcr.io/acme/app:1} or {@code …@sha256:…}. */
public record PullRequest(String image) {}
