package dev.skiff.agent.trust;

import dev.skiff.image.oci.Reference;
import dev.skiff.image.sign.VerificationKey;
import java.util.List;
import java.util.regex.Pattern;

/**
 * How images under {@code scope} are trusted: a registry ({@code ghcr.io}) or a repository prefix
 * ({@code ghcr.io/acme}, {@code docker.io/library/nginx}), matched on whole path components. The
 * empty scope is the default rule, which covers every image.
 */
public record TrustRule(String scope, TrustMode mode, List<VerificationKey> keys) {
    private static final Pattern SCOPE = Pattern.compile("[A-Za-z0-9.-]+(:[0-9]+)?(/[a-z0-9._-]+)*");

    public TrustRule {
        if (!scope.isEmpty() && !SCOPE.matcher(scope).matches()) {
            throw new IllegalArgumentException("'" + scope + "' is not a registry or repository prefix (e.g. ghcr.io/acme)");
        }
        keys = List.copyOf(keys);
    }

    public static TrustRule defaultRule(TrustMode mode, List<VerificationKey> keys) {
        return new TrustRule("", mode, keys);
    }

    public boolean isDefault() {
        return scope.isEmpty();
    }

    public boolean covers(Reference image) {
        String repository = image.repositoryName();
        return isDefault() || repository.equals(scope) || repository.startsWith(scope + "/");
    }

    /** The rule as refusals and warnings name it. */
    @Override
    public String toString() {
        return (isDefault() ? "the default trust rule" : "trust rule '" + scope + "'") + " (" + mode + ")";
    }
}
