package dev.skiff.workbench.board;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * The text of one serial line in the Board view's console: the guest's bytes as UTF-8, a
 * character split across two writes held back until its rest arrives (a guest writes whatever
 * its read returned, so writes cut anywhere), invalid bytes shown as U+FFFD.
 */
final class SerialText {
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = ByteBuffer.allocate(0);

    /** The text {@code bytes} complete; called on the guest's thread, so one decoder per line. */
    synchronized String decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length).put(pending).put(bytes).flip();
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        decoder.decode(in, out, false);
        pending = in.slice();
        return out.flip().toString();
    }

    /** The bytes a typed line sends: its text and a newline, as a terminal does on Enter. */
    static byte[] encode(String typed) {
        return (typed + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
