package dev.skiff.agent.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One endpoint: method, path template ({@code /v1/apps/{app}/stop}), who may call it, and what
 * answers it.
 *
 * @param operatorOnly whether the caller needs a fleet client certificate; only enrollment does not
 */
record Route(String method, String path, boolean operatorOnly, Endpoint endpoint) {

    /** Answers one request; exceptions become error responses (see {@link Router}). */
    @FunctionalInterface
    interface Endpoint {
        void handle(ApiExchange exchange) throws Exception;
    }

    /** The path parameters when {@code requestPath} fits the template. */
    Optional<Map<String, String>> match(String requestPath) {
        List<String> want = segments(path);
        List<String> got = segments(requestPath);
        if (want.size() != got.size()) {
            return Optional.empty();
        }
        Map<String, String> params = new java.util.HashMap<>();
        for (int i = 0; i < want.size(); i++) {
            String w = want.get(i);
            if (w.startsWith("{") && w.endsWith("}")) {
                params.put(w.substring(1, w.length() - 1), got.get(i));
            } else if (!w.equals(got.get(i))) {
                return Optional.empty();
            }
        }
        return Optional.of(params);
    }

    private static List<String> segments(String path) {
        return List.of(path.replaceAll("^/+|/+$", "").split("/+"));
    }
}
