package dev.skiff.protocols.api;

/** Every error response's body: one message for users. */
public record ApiError(String error) {}
