package dev.skiff.protocols.fleet;

/**
 * Where a device stands on one desired change, judged from its reported state: the rule both
 * sides follow (see {@code docs/fleet.md}).
 */
public enum Convergence {
    /** The device has not acted on the change yet (or is offline). */
    PENDING,
    /** It runs what the change asks for (or, for an absent app, has no such app). */
    CONVERGED,
    /** It acted on the change and could not apply it; it still runs what it ran before. */
    FAILED;

    /** The verdict on {@code app} becoming {@code wanted} in desired generation {@code generation}. */
    public static Convergence of(ReportedState reported, String app, long generation, DesiredApp wanted) {
        if (reported == null || reported.generation() < generation) {
            return PENDING;
        }
        var running = reported.app(app);
        if (!wanted.installed()) {
            return running.isEmpty() ? CONVERGED : FAILED;
        }
        String digest = digestOf(wanted.image());
        if (running.isPresent() && digest.equals(running.get().digest())) {
            return CONVERGED;
        }
        return FAILED;
    }

    /** The digest a pinned reference names: the part after {@code @}. */
    public static String digestOf(String pinnedImage) {
        int at = pinnedImage.lastIndexOf('@');
        if (at < 0) {
            throw new IllegalArgumentException(pinnedImage + " is not pinned to a digest (REPO@sha256:…)");
        }
        return pinnedImage.substring(at + 1);
    }
}
