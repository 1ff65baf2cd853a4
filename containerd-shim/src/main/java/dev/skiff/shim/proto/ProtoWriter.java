package dev.skiff.shim.proto;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes protobuf (proto3) wire format for the few messages the shim exchanges. Fields equal to
 * their default (0, false, "", empty) are left out, as proto3 encoders do.
 */
public final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    public ProtoWriter string(int field, String value) {
        return value == null || value.isEmpty() ? this : bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    public ProtoWriter bytes(int field, byte[] value) {
        if (value == null || value.length == 0) {
            return this;
        }
        return message(field, value);
    }

    /** An embedded message; written even when empty, since presence matters for messages. */
    public ProtoWriter message(int field, byte[] encoded) {
        tag(field, WireType.LENGTH_DELIMITED);
        varint(encoded.length);
        out.writeBytes(encoded);
        return this;
    }

    public ProtoWriter uint64(int field, long value) {
        if (value == 0) {
            return this;
        }
        tag(field, WireType.VARINT);
        varint(value);
        return this;
    }

    public ProtoWriter uint32(int field, int value) {
        return uint64(field, Integer.toUnsignedLong(value));
    }

    /** int32 sign-extends negatives to ten bytes on the wire, as protobuf specifies. */
    public ProtoWriter int32(int field, int value) {
        return uint64(field, value);
    }

    public ProtoWriter bool(int field, boolean value) {
        return uint64(field, value ? 1 : 0);
    }

    public byte[] toByteArray() {
        return out.toByteArray();
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
