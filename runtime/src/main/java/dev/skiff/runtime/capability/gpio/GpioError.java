package dev.skiff.runtime.capability.gpio;

/**
 * The cases of {@code wasi:gpio/general@0.2.0}'s {@code gpio-error} variant, in WIT order: the
 * ordinal is the discriminant the guest sees. Skiff never returns {@code other(string)}, whose
 * payload would need an allocation in guest memory ({@code cabi_realloc}).
 */
public enum GpioError {
    HARDWARE_FAULT,
    ALREADY_IN_USE,
    PIN_NOT_ALLOWED,
    PIN_MODE_NOT_ALLOWED,
    UNDEFINED_PIN_LABEL,
    PIN_MODE_NOT_AVAILABLE,
    WOULD_BLOCK,
    OPERATION_NOT_SUPPORTED,
    INVALID_FLAG,
    MISSING_FLAGS,
    RESOURCE_INVALIDATED,
    OTHER
}
