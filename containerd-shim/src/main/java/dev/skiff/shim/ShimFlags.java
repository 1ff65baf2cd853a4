package dev.skiff.shim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The command line containerd gives a runtime v2 shim, in Go's flag syntax ({@code -name value}
 * or {@code -name=value}, one or two dashes), followed by the action: {@code start} or
 * {@code delete}; {@code serve} is the shim's own, for the daemon {@code start} launches.
 *
 * @param address containerd's gRPC socket
 * @param socket where the daemon listens ({@code serve} only)
 */
record ShimFlags(String namespace, String address, String publishBinary, String id, String bundle, String socket,
        boolean debug, boolean version, String action) {

    private static final Set<String> VALUED = Set.of("namespace", "address", "publish-binary", "id", "bundle", "socket");
    private static final Set<String> BOOLEAN = Set.of("debug", "v");
    static final Set<String> ACTIONS = Set.of("start", "delete", "serve");

    static ShimFlags parse(List<String> args) {
        Map<String, String> values = new LinkedHashMap<>();
        int i = 0;
        for (; i < args.size() && args.get(i).startsWith("-"); i++) {
            String flag = args.get(i).replaceFirst("^--?", "");
            String value = null;
            int eq = flag.indexOf('=');
            if (eq >= 0) {
                value = flag.substring(eq + 1);
                flag = flag.substring(0, eq);
            }
            if (BOOLEAN.contains(flag)) {
                values.put(flag, value == null ? "true" : value);
            } else if (VALUED.contains(flag)) {
                if (value == null) {
                    if (i + 1 >= args.size()) {
                        throw new IllegalArgumentException("flag -" + flag + " needs a value");
                    }
                    value = args.get(++i);
                }
                values.put(flag, value);
            } else {
                throw new IllegalArgumentException("unknown flag -" + flag + " (known: -namespace, -address, -publish-binary, -id, -bundle, -debug, -v)");
            }
        }
        List<String> rest = args.subList(i, args.size());
        boolean version = Boolean.parseBoolean(values.getOrDefault("v", "false"));
        if (!version && (rest.size() != 1 || !ACTIONS.contains(rest.getFirst()))) {
            throw new IllegalArgumentException("expected one action, start or delete, after the flags; got " + rest);
        }
        return new ShimFlags(values.getOrDefault("namespace", ""), values.getOrDefault("address", ""),
                values.getOrDefault("publish-binary", ""), values.getOrDefault("id", ""), values.getOrDefault("bundle", ""),
                values.getOrDefault("socket", ""), Boolean.parseBoolean(values.getOrDefault("debug", "false")), version,
                rest.isEmpty() ? "" : rest.getFirst());
    }

    /** Fails with a clear message when a flag the action needs is missing. */
    ShimFlags require(String... names) {
        for (String name : names) {
            String value = switch (name) {
                case "namespace" -> namespace;
                case "address" -> address;
                case "id" -> id;
                case "socket" -> socket;
                default -> throw new IllegalArgumentException(name);
            };
            if (value.isEmpty()) {
                throw new IllegalArgumentException(action + " needs -" + name);
            }
        }
        return this;
    }
}
