package dev.skiff.protocols.fleet;

/**
 * One app as the device runs it.
 *
 * @param digest the manifest or index digest of the running release, or null when none runs
 * @param version the manifest's version of the running release, or null
 * @param health {@code running}, {@code stopped} or {@code failed} (the running release's container)
 * @param outcome of the last desired change to this app: {@link Outcome#CONVERGED} (it runs the desired image),
 *     {@link Outcome#FAILED} (the desired image was refused or unhealthy; {@code digest} is what still runs),
 *     or null for apps the fleet does not manage
 * @param detail why it failed, or null
 */
public record ReportedApp(String name, String digest, String version, String health, Outcome outcome, String detail) {
    public enum Outcome { CONVERGED, FAILED }
}
