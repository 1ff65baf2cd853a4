package dev.skiff.image.oci;

/** An index entry's platform; {@code variant} may be null. */
public record Platform(String os, String architecture, String variant) {
    /** The two spellings of the wasm platform an index lists (ctr and skopeo match the OS exactly). */
    public static final Platform WASI = new Platform("wasi", "wasm", null);
    public static final Platform WASIP1 = new Platform("wasip1", "wasm", null);

    /** Parses {@code os/arch[/variant]}, e.g. {@code linux/arm/v7}. */
    public static Platform parse(String text) {
        String[] parts = text.split("/", -1);
        if (parts.length < 2 || parts.length > 3 || java.util.Arrays.stream(parts).anyMatch(String::isEmpty)) {
            throw new IllegalArgumentException("platform \"" + text + "\": expected OS/ARCH[/VARIANT], e.g. linux/arm64");
        }
        return new Platform(parts[0], parts[1], parts.length == 3 ? parts[2] : null);
    }

    public boolean isWasm() {
        return "wasm".equals(architecture);
    }

    @Override
    public String toString() {
        return os + "/" + architecture + (variant == null ? "" : "/" + variant);
    }
}
