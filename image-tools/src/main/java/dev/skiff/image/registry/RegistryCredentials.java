package dev.skiff.image.registry;

import java.util.Optional;

/** Where a {@link DistributionClient} finds the credentials for a registry ({@code host[:port]}). */
public interface RegistryCredentials {
    Optional<Credential> forRegistry(String registry);

    /** A credential helper configured for the registry, which Skiff cannot run yet; named in errors. */
    default Optional<String> helperFor(String registry) {
        return Optional.empty();
    }

    /** Just these credentials for just this registry: what login checks before saving them. */
    static RegistryCredentials only(String registry, Credential credential) {
        return r -> r.equals(registry) ? Optional.of(credential) : Optional.empty();
    }
}
