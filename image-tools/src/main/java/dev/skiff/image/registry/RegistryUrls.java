package dev.skiff.image.registry;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.oci.Reference;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * Where the distribution API of a registry lives. HTTPS, except for registries on this machine and
 * those the user named with {@code --insecure} (a {@code host} entry covers every port of it).
 *
 * @param tlsOnly HTTPS even on loopback: a device's registry endpoint speaks nothing else
 */
public record RegistryUrls(Set<String> insecure, boolean tlsOnly) {
    /** Docker Hub's API host; references and credentials call it docker.io. */
    static final String DOCKER_HUB_API = "registry-1.docker.io";

    public RegistryUrls {
        insecure = Set.copyOf(insecure);
    }

    public RegistryUrls(Set<String> insecure) {
        this(insecure, false);
    }

    public boolean plainHttp(String registry) {
        return !tlsOnly && Reference.isLoopbackRegistry(registry) || insecure.contains(registry) || insecure.contains(hostOf(registry));
    }

    /** The API root, {@code https://HOST/v2/}. */
    public URI base(String registry) {
        String host = registry.equals(Reference.DOCKER_HUB) ? DOCKER_HUB_API : registry;
        return URI.create((plainHttp(registry) ? "http" : "https") + "://" + host + "/v2/");
    }

    /** The manifest endpoint for the reference's tag or digest. */
    public URI manifest(Reference ref) {
        return repository(ref).resolve("manifests/" + ref.manifestKey());
    }

    public URI blob(Reference repository, Digest digest) {
        return repository(repository).resolve("blobs/" + digest);
    }

    /** Where a blob upload starts (POST). */
    public URI uploads(Reference repository) {
        return repository(repository).resolve("blobs/uploads/");
    }

    /**
     * Where an upload's bytes go: the {@code Location} a registry answered the POST with (absolute or
     * relative to the request), plus the {@code digest} parameter that completes a monolithic upload.
     */
    public static URI completeUpload(URI uploads, String location, Digest digest) {
        URI target = uploads.resolve(location);
        String param = "digest=" + URLEncoder.encode(digest.toString(), StandardCharsets.UTF_8);
        String s = target.toString();
        int fragment = s.indexOf('#');
        String withoutFragment = fragment >= 0 ? s.substring(0, fragment) : s;
        return URI.create(withoutFragment + (target.getRawQuery() == null ? "?" : "&") + param);
    }

    private URI repository(Reference ref) {
        return base(ref.registry()).resolve(ref.repository() + "/");
    }

    private static String hostOf(String registry) {
        int end = registry.startsWith("[") ? registry.indexOf(']') + 1 : registry.indexOf(':');
        return end > 0 ? registry.substring(0, end) : registry;
    }
}
