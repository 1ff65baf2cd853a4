package dev.skiff.bench;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;

/**
 * A wasm module grown to an exact size by a custom section of random bytes: the code (and so the
 * compile work) stays that of the original, while every byte still travels, is digested, verified
 * and parsed. Random, so the image's gzip layer cannot shrink it.
 */
final class PaddedModule {
    private static final byte[] SECTION_NAME = "skiff.bench.padding".getBytes(StandardCharsets.US_ASCII);

    private PaddedModule() {}

    static byte[] pad(byte[] module, int totalBytes, Random random) {
        int remaining = totalBytes - module.length; // section id + size field + name + payload
        int size = remaining - 1 - 5;
        while (1 + leb128(size).length + size < remaining) {
            size++;
        }
        byte[] nameLength = leb128(SECTION_NAME.length);
        byte[] payload = new byte[size - nameLength.length - SECTION_NAME.length];
        if (payload.length < 0 || 1 + leb128(size).length + size != remaining) {
            throw new IllegalArgumentException("cannot pad a " + module.length + "-byte module to exactly " + totalBytes + " bytes");
        }
        random.nextBytes(payload);
        ByteArrayOutputStream out = new ByteArrayOutputStream(totalBytes);
        out.writeBytes(module);
        out.write(0); // custom section
        out.writeBytes(leb128(size));
        out.writeBytes(nameLength);
        out.writeBytes(SECTION_NAME);
        out.writeBytes(payload);
        return out.toByteArray();
    }

    private static byte[] leb128(int value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(5);
        int rest = value;
        do {
            int b = rest & 0x7f;
            rest >>>= 7;
            out.write(rest == 0 ? b : b | 0x80);
        } while (rest != 0);
        return out.toByteArray();
    }
}
