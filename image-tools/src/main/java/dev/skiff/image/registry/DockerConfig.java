package dev.skiff.image.registry;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.skiff.image.oci.OciJson;
import dev.skiff.image.oci.Reference;
import java.io.IOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Docker's {@code config.json}, where docker, skopeo, podman and Skiff keep registry credentials.
 * Reads {@code auths} entries ({@code auth} = base64 of {@code user:password}, or {@code username}
 * and {@code password}), keyed by host, {@code https://host} or, for Docker Hub,
 * {@code https://index.docker.io/v1/}. Writing changes only the entry it is asked to, keeps every
 * other field, and replaces the file atomically with mode 0600.
 */
public final class DockerConfig implements RegistryCredentials {
    /** The key docker itself writes Docker Hub's credentials under. */
    static final String DOCKER_HUB_KEY = "https://index.docker.io/v1/";
    private static final Set<String> DOCKER_HUB_ALIASES = Set.of("index.docker.io", RegistryUrls.DOCKER_HUB_API, Reference.DOCKER_HUB);

    private final Path file;
    private final ObjectNode root;
    private final Map<String, Credential> credentials = new LinkedHashMap<>();

    private DockerConfig(Path file, ObjectNode root) throws IOException {
        this.file = file;
        this.root = root;
        JsonNode auths = root.path("auths");
        for (var it = auths.fields(); it.hasNext(); ) {
            var entry = it.next();
            try {
                credential(entry.getValue()).ifPresent(c -> credentials.putIfAbsent(registryHost(entry.getKey()), c));
            } catch (IllegalArgumentException e) {
                throw new IOException(file + ": auths \"" + entry.getKey() + "\": " + e.getMessage() + " (fix the entry or run skiff login again)");
            }
        }
    }

    /** {@code $DOCKER_CONFIG/config.json}, else {@code ~/.docker/config.json}, as docker looks for it. */
    public static Path location(Map<String, String> env, Path userHome) {
        String dir = env.get("DOCKER_CONFIG");
        return (dir != null && !dir.isBlank() ? Path.of(dir) : userHome.resolve(".docker")).resolve("config.json");
    }

    /** This user's config, where {@link #location} finds it: what the CLI and the workbench log in with. */
    public static DockerConfig ofCurrentUser() throws IOException {
        return load(location(System.getenv(), Path.of(System.getProperty("user.home"))));
    }

    /** Reads the file; a missing one is an empty config. */
    public static DockerConfig load(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new DockerConfig(file, OciJson.MAPPER.createObjectNode());
        }
        JsonNode node;
        try {
            node = OciJson.MAPPER.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw new IOException(file + " is not valid JSON: " + e.getOriginalMessage() + " (fix or remove it)", e);
        }
        if (!(node instanceof ObjectNode object)) {
            throw new IOException(file + " is not a JSON object (fix or remove it)");
        }
        return new DockerConfig(file, object);
    }

    public Path file() {
        return file;
    }

    /**
     * The registry an auths key or a login argument names: scheme and path dropped, lower case, and
     * Docker Hub's aliases folded into {@code docker.io} (the registry of a reference like {@code alpine}).
     */
    public static String registryHost(String keyOrHost) {
        String host = keyOrHost.trim().replaceFirst("^[a-zA-Z][a-zA-Z0-9+.-]*://", "");
        int slash = host.indexOf('/');
        host = (slash >= 0 ? host.substring(0, slash) : host).toLowerCase(Locale.ROOT);
        return DOCKER_HUB_ALIASES.contains(host) ? Reference.DOCKER_HUB : host;
    }

    @Override
    public Optional<Credential> forRegistry(String registry) {
        return Optional.ofNullable(credentials.get(registryHost(registry)));
    }

    /** {@code credHelpers} for this host, else {@code credsStore}: helpers Skiff does not run yet. */
    @Override
    public Optional<String> helperFor(String registry) {
        String host = registryHost(registry);
        for (var it = root.path("credHelpers").fields(); it.hasNext(); ) {
            var entry = it.next();
            if (registryHost(entry.getKey()).equals(host) && entry.getValue().isTextual()) {
                return Optional.of(entry.getValue().asText());
            }
        }
        JsonNode store = root.get("credsStore");
        return store != null && store.isTextual() && !store.asText().isBlank() ? Optional.of(store.asText()) : Optional.empty();
    }

    /** Sets the registry's credentials, replacing any entry for the same host; call {@link #save} to write them. */
    public void put(String registry, Credential credential) {
        String host = registryHost(registry);
        remove(host);
        ObjectNode entry = auths().putObject(host.equals(Reference.DOCKER_HUB) ? DOCKER_HUB_KEY : host);
        entry.put("auth", credential.encode());
        credentials.put(host, credential);
    }

    /** Drops every entry for the registry's host; false when there was none. */
    public boolean remove(String registry) {
        String host = registryHost(registry);
        List<String> keys = new ArrayList<>();
        root.path("auths").fieldNames().forEachRemaining(key -> {
            if (registryHost(key).equals(host)) {
                keys.add(key);
            }
        });
        if (!keys.isEmpty()) {
            auths().remove(keys);
        }
        credentials.remove(host);
        return !keys.isEmpty();
    }

    /** Writes the file: a private temp file beside it, synced, then renamed over it. */
    public void save() throws IOException {
        Path target = Files.isSymbolicLink(file) ? file.toRealPath() : file;
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir, ownerOnly("rwx------"));
        Path temp = dir.resolve(target.getFileName() + "." + UUID.randomUUID() + ".tmp");
        try {
            byte[] json = OciJson.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
            try (FileChannel ch = FileChannel.open(temp, Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), ownerOnly("rw-------"))) {
                Channels.newOutputStream(ch).write(json);
                ch.force(true);
            }
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private ObjectNode auths() {
        return root.get("auths") instanceof ObjectNode auths ? auths : root.putObject("auths");
    }

    private static Optional<Credential> credential(JsonNode entry) {
        String auth = entry.path("auth").asText("");
        if (!auth.isEmpty()) {
            return Optional.of(Credential.decode(auth));
        }
        String username = entry.path("username").asText("");
        return username.isEmpty() ? Optional.empty() : Optional.of(new Credential(username, entry.path("password").asText("")));
    }

    /** Passwords must not be readable by others; file systems without POSIX modes (Windows) get none. */
    private static FileAttribute<?>[] ownerOnly(String mode) {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix")
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode))}
                : new FileAttribute<?>[0];
    }
}
