package dev.skiff.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions stamped in at build time. */
public final class Versions {
    private static final Properties PROPERTIES = load();

    private Versions() {}

    public static String skiff() {
        return PROPERTIES.getProperty("skiff.version");
    }

    public static String chicory() {
        return PROPERTIES.getProperty("chicory.version");
    }

    private static Properties load() {
        try (InputStream in = Versions.class.getResourceAsStream("versions.properties")) {
            Properties properties = new Properties();
            properties.load(in);
            return properties;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
