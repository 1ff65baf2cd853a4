package dev.skiff.image.registry;

import com.fasterxml.jackson.databind.JsonNode;
import dev.skiff.image.oci.OciJson;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers a registry's 401 challenges: {@code Bearer} by fetching a token from the challenge's realm
 * (with basic credentials when there are any), cached per registry and scope; {@code Basic} by
 * sending the credentials with every later request to that registry.
 */
final class Authenticator {
    /** Token answers are small JSON documents. */
    private static final int MAX_TOKEN_RESPONSE = 1 << 20;

    /** A GET of the token endpoint, with the given Authorization header if any. */
    @FunctionalInterface
    interface TokenEndpoint {
        HttpResponse<InputStream> get(URI uri, Optional<String> authorization) throws IOException;
    }

    private final RegistryCredentials credentials;
    private final TokenEndpoint tokens;
    private final Map<String, String> bearerByScope = new ConcurrentHashMap<>();
    private final Set<String> basicRegistries = ConcurrentHashMap.newKeySet();

    Authenticator(RegistryCredentials credentials, TokenEndpoint tokens) {
        this.credentials = credentials;
        this.tokens = tokens;
    }

    /** The Authorization header to send, when a challenge for this target was answered before. */
    Optional<String> header(RegistryTarget target) {
        String bearer = bearerByScope.get(cacheKey(target));
        if (bearer != null) {
            return Optional.of(bearer);
        }
        return basicRegistries.contains(target.registry())
                ? credentials.forRegistry(target.registry()).map(Credential::basicAuthorization)
                : Optional.empty();
    }

    /**
     * Prepares an answer to a 401's challenge; false when there is nothing new to try (basic auth
     * without credentials, or with the ones already refused).
     */
    boolean answer(RegistryTarget target, String wwwAuthenticate) throws IOException {
        List<AuthChallenge> challenges;
        try {
            challenges = AuthChallenge.parse(wwwAuthenticate);
        } catch (IllegalArgumentException e) {
            throw new IOException(target.describe() + ": " + e.getMessage(), e);
        }
        for (AuthChallenge challenge : challenges) {
            if (challenge.isBearer()) {
                bearerByScope.put(cacheKey(target), "Bearer " + token(target, challenge));
                return true;
            }
        }
        boolean basic = challenges.stream().anyMatch(AuthChallenge::isBasic);
        return basic && credentials.forRegistry(target.registry()).isPresent() && basicRegistries.add(target.registry());
    }

    /** The error for a 401 that no answer could get past. */
    IOException rejection(RegistryTarget target) {
        String registry = target.registry();
        String repository = target.repository() == null ? "" : " for " + target.repository();
        String login = target.repository() == null ? "" : " (run skiff login " + registry + ")";
        if (credentials.forRegistry(registry).isPresent()) {
            return new IOException("registry " + registry + " refused the credentials" + repository + login);
        }
        String helper = credentials.helperFor(registry)
                .map(h -> "; the docker config names the credential helper \"" + h
                        + "\" for it, but skiff does not support credential helpers yet: skiff login stores the credentials in config.json instead")
                .orElse("");
        return new IOException("registry " + registry + " requires credentials" + repository + login + helper);
    }

    private String token(RegistryTarget target, AuthChallenge challenge) throws IOException {
        String realm = challenge.param("realm");
        if (realm == null || realm.isBlank()) {
            throw new IOException(target.describe() + ": the registry asked for a bearer token but named no realm to get it from");
        }
        StringBuilder query = new StringBuilder();
        String scope = challenge.param("scope") != null ? challenge.param("scope") : target.scope();
        appendParam(query, "service", challenge.param("service"));
        appendParam(query, "scope", scope);
        URI uri = URI.create(realm + (query.isEmpty() ? "" : (realm.contains("?") ? "&" : "?") + query));
        HttpResponse<InputStream> response = tokens.get(uri, credentials.forRegistry(target.registry()).map(Credential::basicAuthorization));
        if (response.statusCode() == 401 || response.statusCode() == 403) {
            response.body().close();
            throw rejection(target);
        }
        if (response.statusCode() != 200) {
            throw RegistryErrors.failure(target, "getting a token from " + realm, response);
        }
        JsonNode answer;
        try (InputStream body = response.body()) {
            answer = OciJson.MAPPER.readTree(body.readNBytes(MAX_TOKEN_RESPONSE));
        }
        String token = answer.path("token").asText(answer.path("access_token").asText(""));
        if (token.isEmpty()) {
            throw new IOException(target.describe() + ": the token server " + realm + " answered without a token");
        }
        return token;
    }

    private static void appendParam(StringBuilder query, String name, String value) {
        if (value != null) {
            query.append(query.isEmpty() ? "" : "&").append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
        }
    }

    private static String cacheKey(RegistryTarget target) {
        return target.registry() + " " + target.scope();
    }
}
