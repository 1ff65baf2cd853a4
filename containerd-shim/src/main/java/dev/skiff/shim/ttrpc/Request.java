package dev.skiff.shim.ttrpc;

import dev.skiff.shim.proto.ProtoReader;
import dev.skiff.shim.proto.ProtoWriter;
import java.util.LinkedHashMap;
import java.util.Map;

/** ttrpc's {@code Request}: which method of which service, its argument, and metadata. */
public record Request(String service, String method, byte[] payload, long timeoutNanos, Map<String, String> metadata) {

    public byte[] encode() {
        ProtoWriter w = new ProtoWriter().string(1, service).string(2, method).bytes(3, payload).uint64(4, timeoutNanos);
        metadata.forEach((key, value) -> w.message(5, new ProtoWriter().string(1, key).string(2, value).toByteArray()));
        return w.toByteArray();
    }

    public static Request decode(byte[] bytes) {
        ProtoReader r = new ProtoReader(bytes);
        String service = "", method = "";
        byte[] payload = new byte[0];
        long timeout = 0;
        Map<String, String> metadata = new LinkedHashMap<>();
        while (r.next()) {
            switch (r.field()) {
                case 1 -> service = r.string();
                case 2 -> method = r.string();
                case 3 -> payload = r.bytes();
                case 4 -> timeout = r.uint64();
                case 5 -> {
                    ProtoReader kv = new ProtoReader(r.bytes());
                    String key = "", value = "";
                    while (kv.next()) {
                        switch (kv.field()) {
                            case 1 -> key = kv.string();
                            case 2 -> value = kv.string();
                            default -> kv.skip();
                        }
                    }
                    metadata.put(key, value);
                }
                default -> r.skip();
            }
        }
        return new Request(service, method, payload, timeout, Map.copyOf(metadata));
    }
}
