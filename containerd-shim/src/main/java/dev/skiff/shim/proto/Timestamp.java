package dev.skiff.shim.proto;

import java.time.Instant;

/** {@code google.protobuf.Timestamp}. */
public record Timestamp(long seconds, int nanos) {

    public static Timestamp of(Instant instant) {
        return new Timestamp(instant.getEpochSecond(), instant.getNano());
    }

    public byte[] encode() {
        return new ProtoWriter().uint64(1, seconds).int32(2, nanos).toByteArray();
    }

    public static Timestamp decode(byte[] bytes) {
        ProtoReader r = new ProtoReader(bytes);
        long seconds = 0;
        int nanos = 0;
        while (r.next()) {
            switch (r.field()) {
                case 1 -> seconds = r.uint64();
                case 2 -> nanos = r.uint32();
                default -> r.skip();
            }
        }
        return new Timestamp(seconds, nanos);
    }

    public Instant toInstant() {
        return Instant.ofEpochSecond(seconds, nanos);
    }
}
