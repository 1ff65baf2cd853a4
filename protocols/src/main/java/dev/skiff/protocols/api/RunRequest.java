package dev.skiff.protocols.api;

import java.util.List;

/**
 * {@code POST /v1/runs}: an image already in the agent's store (named like a deploy's), run once to
 * its end without making an app of it.
 *
 * @param args the guest's arguments after its program name, replacing the image's; null keeps the image's
 */
public record RunRequest(String image, List<String> args) {}
