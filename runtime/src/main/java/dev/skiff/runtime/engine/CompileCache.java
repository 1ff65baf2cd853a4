package dev.skiff.runtime.engine;

/**
 * Compiled code kept between runs, keyed by module digest and engine version. A damaged entry
 * must read as absent (and be recompiled), never as an error.
 */
public interface CompileCache {

    /** The entry's bytes, or {@code null} when absent or damaged. */
    byte[] get(String moduleDigest, String engineVersion);

    /** Stores an entry atomically; a concurrent writer of the same key is harmless. */
    void put(String moduleDigest, String engineVersion, byte[] data);

    /** Drops an entry that turned out to be unusable. */
    void remove(String moduleDigest, String engineVersion);

    /** A cache that stores nothing. */
    CompileCache NONE =
            new CompileCache() {
                @Override
                public byte[] get(String moduleDigest, String engineVersion) {
                    return null;
                }

                @Override
                public void put(String moduleDigest, String engineVersion, byte[] data) {}

                @Override
                public void remove(String moduleDigest, String engineVersion) {}
            };
}
