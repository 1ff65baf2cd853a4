package dev.skiff.image;

/** Annotation and label keys Skiff writes into images. */
public final class Annotations {
    /** The app's canonical skiff.yaml as JSON, capability request included (DESIGN.md §3.2). */
    public static final String MANIFEST = "dev.skiff.manifest";
    /** On a precompiled layer: the engine that made it, {@code name-version}, e.g. chicory-1.7.5. */
    public static final String COMPILER = "dev.skiff.compiler";
    public static final String TITLE = "org.opencontainers.image.title";
    public static final String VERSION = "org.opencontainers.image.version";

    private Annotations() {}
}
