package dev.skiff.shim.ttrpc;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.ByteChannel;

/**
 * One ttrpc message on the wire: a 10-byte header (payload length and stream id, both big-endian
 * uint32, then a type byte and a flags byte) followed by the payload, a protobuf message.
 */
public record Frame(int streamId, byte type, byte flags, byte[] payload) {
    public static final byte REQUEST = 1;
    public static final byte RESPONSE = 2;
    /** ttrpc's limit; larger frames are refused (and the connection dropped) rather than buffered. */
    public static final int MAX_PAYLOAD = 4 << 20;
    static final int HEADER = 10;

    /** Reads one frame; {@link EOFException} when the peer closed between frames. */
    public static Frame read(ByteChannel channel) throws IOException {
        ByteBuffer header = ByteBuffer.allocate(HEADER);
        if (!fill(channel, header) && header.position() == 0) {
            throw new EOFException("connection closed");
        }
        if (header.hasRemaining()) {
            throw new IOException("connection closed inside a frame header");
        }
        header.flip();
        int length = header.getInt();
        int streamId = header.getInt();
        byte type = header.get();
        byte flags = header.get();
        if (length < 0 || length > MAX_PAYLOAD) {
            throw new IOException("ttrpc frame of " + Integer.toUnsignedString(length) + " bytes exceeds the limit of " + MAX_PAYLOAD);
        }
        ByteBuffer payload = ByteBuffer.allocate(length);
        fill(channel, payload);
        if (payload.hasRemaining()) {
            throw new IOException("connection closed inside a frame of " + length + " bytes");
        }
        return new Frame(streamId, type, flags, payload.array());
    }

    /** Writes the frame whole; callers sharing a channel hold its lock. */
    public void write(ByteChannel channel) throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IOException("ttrpc message of " + payload.length + " bytes exceeds the limit of " + MAX_PAYLOAD);
        }
        ByteBuffer buffer = ByteBuffer.allocate(HEADER + payload.length);
        buffer.putInt(payload.length).putInt(streamId).put(type).put(flags).put(payload).flip();
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    /** Reads until the buffer is full; false if the stream ended first. */
    private static boolean fill(ByteChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                return false;
            }
        }
        return true;
    }
}
