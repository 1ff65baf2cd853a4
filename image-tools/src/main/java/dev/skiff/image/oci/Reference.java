package dev.skiff.image.oci;

import java.util.regex.Pattern;

/**
 * An image reference as docker spells it: {@code [REGISTRY/]REPO[:TAG][@DIGEST]}. A first component
 * with a dot, a colon or {@code localhost} names the registry; otherwise it is Docker Hub, and a
 * single-component repository lives under {@code library/}. Without tag or digest the tag is
 * {@code latest}.
 */
public record Reference(String registry, String repository, String tag, Digest digest) {
    public static final String DOCKER_HUB = "docker.io";
    private static final Pattern COMPONENT = Pattern.compile("[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*");
    private static final Pattern TAG = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9.-]+(?::[0-9]+)?|\\[[0-9a-fA-F:]+\\](?::[0-9]+)?");

    public static Reference parse(String text) {
        String rest = text;
        Digest digest = null;
        int at = rest.indexOf('@');
        if (at >= 0) {
            try {
                digest = Digest.parse(rest.substring(at + 1));
            } catch (ImageFormatException e) {
                throw new IllegalArgumentException("image reference \"" + text + "\": " + e.getMessage());
            }
            rest = rest.substring(0, at);
        }
        String tag = null;
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            tag = rest.substring(colon + 1);
            rest = rest.substring(0, colon);
            if (!TAG.matcher(tag).matches()) {
                throw new IllegalArgumentException("image reference \"" + text + "\": invalid tag \"" + tag + "\"");
            }
        }
        String registry = DOCKER_HUB;
        int slash = rest.indexOf('/');
        if (slash > 0) {
            String first = rest.substring(0, slash);
            if (first.contains(".") || first.contains(":") || first.equals("localhost") || first.startsWith("[")) {
                if (!REGISTRY.matcher(first).matches()) {
                    throw new IllegalArgumentException("image reference \"" + text + "\": invalid registry \"" + first + "\"");
                }
                registry = first;
                rest = rest.substring(slash + 1);
            }
        }
        for (String component : rest.split("/", -1)) {
            if (!COMPONENT.matcher(component).matches()) {
                throw new IllegalArgumentException("image reference \"" + text
                        + "\": invalid repository name (lowercase letters, digits and . _ - separated by /)");
            }
        }
        if (registry.equals(DOCKER_HUB) && !rest.contains("/")) {
            rest = "library/" + rest;
        }
        if (tag == null && digest == null) {
            tag = "latest";
        }
        return new Reference(registry, rest, tag, digest);
    }

    public Reference withTag(String newTag) {
        return new Reference(registry, repository, newTag, null);
    }

    public Reference withDigest(Digest d) {
        return new Reference(registry, repository, null, d);
    }

    /** The tag or digest a registry's manifest endpoint takes. */
    public String manifestKey() {
        return digest != null ? digest.toString() : tag;
    }

    /** Repository with its registry, no tag: what a signature's docker-reference names. */
    public String repositoryName() {
        return registry + "/" + repository;
    }

    /** The last component of the repository, e.g. {@code hello} for {@code ghcr.io/me/hello:1}: a default app name. */
    public String shortName() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /** The short form people type: Docker Hub and {@code library/} left out. */
    public String familiar() {
        String repo = registry.equals(DOCKER_HUB)
                ? (repository.startsWith("library/") ? repository.substring(8) : repository)
                : registry + "/" + repository;
        return repo + suffix();
    }

    /** True when the registry is this machine, where plain HTTP is allowed without --insecure. */
    public boolean isLoopback() {
        return isLoopbackRegistry(registry);
    }

    /** True when a registry ({@code host[:port]}) is this machine; {@code skiff login HOST} has no reference. */
    public static boolean isLoopbackRegistry(String registry) {
        String host = registry.startsWith("[") ? registry.substring(0, registry.indexOf(']') + 1) : registry.split(":")[0];
        return host.equals("localhost") || host.startsWith("127.") || host.equals("[::1]");
    }

    private String suffix() {
        return (tag != null ? ":" + tag : "") + (digest != null ? "@" + digest : "");
    }

    @Override
    public String toString() {
        return registry + "/" + repository + suffix();
    }
}
