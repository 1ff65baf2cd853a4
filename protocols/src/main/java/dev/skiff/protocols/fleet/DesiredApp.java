package dev.skiff.protocols.fleet;

/**
 * What one app on a device should run.
 *
 * @param image an image reference pinned by digest ({@code registry/repo@sha256:…}), or null: the app should not be installed
 */
public record DesiredApp(String image) {
    public static final DesiredApp ABSENT = new DesiredApp(null);

    public boolean installed() {
        return image != null;
    }
}
