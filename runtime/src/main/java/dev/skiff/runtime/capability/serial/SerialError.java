package dev.skiff.runtime.capability.serial;

/**
 * The cases of {@code skiff:serial/port@0.1.0}'s {@code error} enum, in WIT order: the ordinal
 * is the discriminant the guest sees (docs/capabilities.md).
 */
public enum SerialError {
    /** No serial grant has that name. */
    NOT_GRANTED,
    /** The container holds an open handle to that port already; drop it first. */
    ALREADY_OPEN,
    /** The device failed (unplugged, an I/O error). */
    IO,
    /** The container is ending and its ports were taken back; the handle is dead. */
    CLOSED
}
