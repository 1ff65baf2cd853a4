package dev.skiff.shim.proto;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Reads protobuf wire format field by field: {@code while (r.next()) switch (r.field()) ...}.
 * Fields a message does not know are skipped, as protobuf requires; truncated or malformed input
 * throws {@link ProtoException}.
 */
public final class ProtoReader {
    private final byte[] data;
    private int pos;
    private int field;
    private int wireType;

    public ProtoReader(byte[] data) {
        this.data = data;
    }

    /** Advances to the next field; false at the end of the message. */
    public boolean next() {
        if (pos >= data.length) {
            return false;
        }
        long tag = varint();
        field = (int) (tag >>> 3);
        wireType = (int) (tag & 7);
        if (field == 0) {
            throw new ProtoException("field number 0 at byte " + pos);
        }
        return true;
    }

    public int field() {
        return field;
    }

    public String string() {
        return new String(bytes(), StandardCharsets.UTF_8);
    }

    public byte[] bytes() {
        expect(WireType.LENGTH_DELIMITED);
        long length = varint();
        if (length < 0 || length > data.length - pos) {
            throw new ProtoException("field " + field + " claims " + length + " bytes, " + (data.length - pos) + " remain");
        }
        byte[] value = Arrays.copyOfRange(data, pos, pos + (int) length);
        pos += (int) length;
        return value;
    }

    public long uint64() {
        expect(WireType.VARINT);
        return varint();
    }

    public int uint32() {
        return (int) uint64();
    }

    public boolean bool() {
        return uint64() != 0;
    }

    /** Skips the current field's value, whatever its type. */
    public void skip() {
        switch (wireType) {
            case WireType.VARINT -> varint();
            case WireType.FIXED64 -> advance(8);
            case WireType.LENGTH_DELIMITED -> bytes();
            case WireType.FIXED32 -> advance(4);
            default -> throw new ProtoException("unsupported wire type " + wireType + " of field " + field);
        }
    }

    private void expect(int type) {
        if (wireType != type) {
            throw new ProtoException("field " + field + " has wire type " + wireType + ", expected " + type);
        }
    }

    private void advance(int n) {
        if (n > data.length - pos) {
            throw new ProtoException("message ends inside field " + field);
        }
        pos += n;
    }

    private long varint() {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= data.length) {
                throw new ProtoException("message ends inside a varint");
            }
            byte b = data[pos++];
            value |= (long) (b & 0x7F) << shift;
            if (b >= 0) {
                return value;
            }
        }
        throw new ProtoException("varint longer than 10 bytes");
    }
}
