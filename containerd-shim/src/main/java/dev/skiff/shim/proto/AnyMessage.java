package dev.skiff.shim.proto;

/** {@code google.protobuf.Any}: a message with the name of its type. */
public record AnyMessage(String typeUrl, byte[] value) {

    public byte[] encode() {
        return new ProtoWriter().string(1, typeUrl).bytes(2, value).toByteArray();
    }

    public static AnyMessage decode(byte[] bytes) {
        ProtoReader r = new ProtoReader(bytes);
        String typeUrl = "";
        byte[] value = new byte[0];
        while (r.next()) {
            switch (r.field()) {
                case 1 -> typeUrl = r.string();
                case 2 -> value = r.bytes();
                default -> r.skip();
            }
        }
        return new AnyMessage(typeUrl, value);
    }
}
