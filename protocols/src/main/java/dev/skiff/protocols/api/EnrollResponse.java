package dev.skiff.protocols.api;

/** The answer to a successful enrollment: the device now serves mTLS under {@code name}. */
public record EnrollResponse(String name) {}
