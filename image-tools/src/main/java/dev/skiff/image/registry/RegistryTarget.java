package dev.skiff.image.registry;

import dev.skiff.image.oci.Reference;

/**
 * Whom a request is for: a registry, the repository (null for the API root) and whether it writes.
 * Tokens are scoped to exactly this, and errors name it.
 */
record RegistryTarget(String registry, String repository, boolean push) {
    static RegistryTarget pull(Reference ref) {
        return new RegistryTarget(ref.registry(), ref.repository(), false);
    }

    static RegistryTarget push(Reference ref) {
        return new RegistryTarget(ref.registry(), ref.repository(), true);
    }

    static RegistryTarget root(String registry) {
        return new RegistryTarget(registry, null, false);
    }

    /** The token scope, e.g. {@code repository:app:pull,push}; null for the API root. */
    String scope() {
        return repository == null ? null : "repository:" + repository + ":" + (push ? "pull,push" : "pull");
    }

    /** "registry H, repository R" for error messages. */
    String describe() {
        return "registry " + registry + (repository == null ? "" : ", repository " + repository);
    }
}
