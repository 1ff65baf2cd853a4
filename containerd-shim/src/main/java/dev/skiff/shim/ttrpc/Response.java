package dev.skiff.shim.ttrpc;

import dev.skiff.shim.proto.ProtoReader;
import dev.skiff.shim.proto.ProtoWriter;

/**
 * ttrpc's {@code Response}: a {@code google.rpc.Status} (absent on success) and the result.
 *
 * @param code a gRPC status code, 0 for OK
 */
public record Response(int code, String message, byte[] payload) {

    public static Response ok(byte[] payload) {
        return new Response(0, "", payload);
    }

    public static Response error(TtrpcException e) {
        return new Response(e.code(), e.getMessage(), new byte[0]);
    }

    public byte[] encode() {
        ProtoWriter w = new ProtoWriter();
        if (code != 0) {
            w.message(1, new ProtoWriter().int32(1, code).string(2, message).toByteArray());
        }
        return w.bytes(2, payload).toByteArray();
    }

    public static Response decode(byte[] bytes) {
        ProtoReader r = new ProtoReader(bytes);
        int code = 0;
        String message = "";
        byte[] payload = new byte[0];
        while (r.next()) {
            switch (r.field()) {
                case 1 -> {
                    ProtoReader status = new ProtoReader(r.bytes());
                    while (status.next()) {
                        switch (status.field()) {
                            case 1 -> code = status.uint32();
                            case 2 -> message = status.string();
                            default -> status.skip();
                        }
                    }
                }
                case 2 -> payload = r.bytes();
                default -> r.skip();
            }
        }
        return new Response(code, message, payload);
    }
}
