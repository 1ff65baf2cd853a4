package dev.skiff.agent.trust;

import java.util.Arrays;
import java.util.stream.Collectors;

/** What a trust rule demands of the images it covers (DESIGN §3.3). */
public enum TrustMode {
    /** The image must verify with one of the rule's keys, or the deploy is refused. */
    REJECT_UNSIGNED("reject-unsigned"),
    /** Verification is tried; a failure is recorded as a warning and the deploy goes on. */
    WARN("warn"),
    /** Signatures are not looked at. */
    ALLOW("allow");

    private final String configName;

    TrustMode(String configName) {
        this.configName = configName;
    }

    /** The mode as the config file spells it. */
    public static TrustMode parse(String text) {
        return Arrays.stream(values()).filter(m -> m.configName.equals(text)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + text + "' is not a trust mode; use one of "
                        + Arrays.stream(values()).map(TrustMode::toString).collect(Collectors.joining(", "))));
    }

    @Override
    public String toString() {
        return configName;
    }
}
