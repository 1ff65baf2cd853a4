package dev.skiff.image.store;

import dev.skiff.image.oci.ImageFormatException;
import dev.skiff.image.oci.MediaTypes;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;

/** Reads tar layers safely: entry names are checked before anything is used. */
public final class LayerTar {
    /** The most Skiff reads of one file out of a layer (a wasm module). */
    public static final long MAX_FILE_BYTES = 512L << 20;

    private LayerTar() {}

    /** Opens a layer as a tar stream, decompressing gzip layers. */
    public static TarArchiveInputStream open(InputStream in, String mediaType) throws IOException {
        InputStream raw = new BufferedInputStream(in);
        return new TarArchiveInputStream(MediaTypes.OCI_LAYER_TAR.equals(mediaType) ? raw : new GZIPInputStream(raw));
    }

    /** Throws if any entry is absolute, climbs out with {@code ..}, or links outside the layer. */
    public static void scan(InputStream in, String mediaType, String what) throws IOException, ImageFormatException {
        try (TarArchiveInputStream tar = open(in, mediaType)) {
            for (TarArchiveEntry e; (e = tar.getNextEntry()) != null; ) {
                checkName(e.getName(), what);
                if (e.isSymbolicLink() || e.isLink()) {
                    checkLinkTarget(e, what);
                }
            }
        }
    }

    /** Normalizes an entry name to a path inside the root, or refuses it. */
    public static String checkName(String name, String what) throws ImageFormatException {
        if (name.startsWith("/") || name.startsWith("\\")) {
            throw new ImageFormatException(what + ": tar entry \"" + name + "\" has an absolute path");
        }
        String n = name.startsWith("./") ? name.substring(2) : name;
        for (String part : n.split("[/\\\\]")) {
            if (part.equals("..")) {
                throw new ImageFormatException(what + ": tar entry \"" + name + "\" climbs out of the root with ..");
            }
        }
        return n;
    }

    private static void checkLinkTarget(TarArchiveEntry e, String what) throws ImageFormatException {
        String target = e.getLinkName();
        if (target.startsWith("/") || java.util.Arrays.asList(target.split("/")).contains("..")) {
            throw new ImageFormatException(what + ": tar entry \"" + e.getName() + "\" links to \"" + target + "\", outside the layer");
        }
    }
}
