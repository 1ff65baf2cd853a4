package dev.skiff.shim.proto;

/** Bytes that are not a well-formed protobuf message. */
public final class ProtoException extends RuntimeException {
    public ProtoException(String message) {
        super(message);
    }
}
