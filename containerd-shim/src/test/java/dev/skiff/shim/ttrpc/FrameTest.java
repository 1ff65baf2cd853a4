package dev.skiff.shim.ttrpc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.WritableByteChannel;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FrameTest {
    /** A channel over bytes in memory: reads from {@code input}, writes to {@code output}. */
    private static final class MemoryChannel implements ByteChannel {
        final ByteArrayOutputStream output = new ByteArrayOutputStream();
        private final ReadableByteChannel in;
        private final WritableByteChannel out = Channels.newChannel(output);

        MemoryChannel(byte[] input) {
            in = Channels.newChannel(new ByteArrayInputStream(input));
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return in.read(dst);
        }

        @Override
        public int write(ByteBuffer src) throws IOException {
            return out.write(src);
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }

    @Test
    void headerIsLengthStreamIdTypeFlagsBigEndian() throws IOException {
        MemoryChannel channel = new MemoryChannel(new byte[0]);
        new Frame(3, Frame.REQUEST, (byte) 0, new byte[] {(byte) 0xAA, (byte) 0xBB}).write(channel);
        assertEquals("00000002" + "00000003" + "01" + "00" + "aabb", HexFormat.of().formatHex(channel.output.toByteArray()));
    }

    @Test
    void readsBackWhatWasWritten() throws IOException {
        MemoryChannel out = new MemoryChannel(new byte[0]);
        Request request = new Request("containerd.task.v2.Task", "Wait", new byte[] {10, 1, 'x'}, 0, Map.of("k", "v"));
        new Frame(5, Frame.REQUEST, (byte) 0, request.encode()).write(out);
        new Frame(7, Frame.RESPONSE, (byte) 0, Response.ok(new byte[] {1}).encode()).write(out);

        MemoryChannel in = new MemoryChannel(out.output.toByteArray());
        Frame first = Frame.read(in);
        assertEquals(5, first.streamId());
        Request back = Request.decode(first.payload());
        assertEquals("Wait", back.method());
        assertEquals(Map.of("k", "v"), back.metadata());
        assertArrayEquals(request.payload(), back.payload());
        Frame second = Frame.read(in);
        assertEquals(Frame.RESPONSE, second.type());
        assertArrayEquals(new byte[] {1}, Response.decode(second.payload()).payload());
        assertThrows(EOFException.class, () -> Frame.read(in), "a clean end between frames");
    }

    @Test
    void truncatedAndOversizedFramesAreRefused() {
        var cut = assertThrows(IOException.class, () -> Frame.read(new MemoryChannel(HexFormat.of().parseHex("00000004000000010100aa"))));
        assertTrue(cut.getMessage().contains("inside a frame of 4 bytes"), cut.getMessage());
        var header = assertThrows(IOException.class, () -> Frame.read(new MemoryChannel(new byte[] {0, 0, 0})));
        assertTrue(header.getMessage().contains("inside a frame header"), header.getMessage());
        var huge = assertThrows(IOException.class, () -> Frame.read(new MemoryChannel(HexFormat.of().parseHex("7fffffff000000010100"))));
        assertTrue(huge.getMessage().contains("exceeds the limit"), huge.getMessage());
    }

    @Test
    void errorStatusTravelsWithItsCode() {
        Response error = Response.error(new TtrpcException(TtrpcException.NOT_FOUND, "task x not found"));
        Response back = Response.decode(error.encode());
        assertEquals(5, back.code());
        assertEquals("task x not found", back.message());
    }
}
