package dev.skiff.fleet;

import java.time.Duration;

/**
 * What a rollout does: deploy {@code image} (pinned by digest) as {@code app} to the devices
 * {@code selector} picks, in {@code waves}, at most {@code maxUnavailable} devices updating at
 * once; a device that does not report the new version healthy within {@code healthTimeout}
 * counts as failed, and once failures reach {@code abortAtPercent} of the devices tried the
 * rollout halts and rolls back every device it touched.
 */
public record RolloutSpec(String app, String image, Selector selector, WavePlan waves, int maxUnavailable, Duration healthTimeout,
        double abortAtPercent) {
    public RolloutSpec {
        if (!image.contains("@sha256:")) {
            throw new IllegalArgumentException(image + " is not pinned to a digest: a rollout deploys exactly one image (REPO@sha256:…)");
        }
        if (maxUnavailable < 1) {
            throw new IllegalArgumentException("--max-unavailable must be at least 1, not " + maxUnavailable);
        }
        if (healthTimeout.isNegative() || healthTimeout.isZero()) {
            throw new IllegalArgumentException("--health-timeout must be more than 0");
        }
        if (!(abortAtPercent > 0 && abortAtPercent <= 100)) {
            throw new IllegalArgumentException("--abort-at must be a share above 0% and at most 100%, not " + abortAtPercent + "%");
        }
    }

    /** Parses {@code 5%} (or {@code 5}) as a percentage. */
    public static double percent(String text) {
        String number = text.strip().endsWith("%") ? text.strip().substring(0, text.strip().length() - 1) : text.strip();
        try {
            return Double.parseDouble(number);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a percentage such as 5%");
        }
    }
}
