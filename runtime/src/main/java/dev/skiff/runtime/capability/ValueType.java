package dev.skiff.runtime.capability;

/** Core wasm value types a host function can take or return. */
public enum ValueType {
    I32,
    I64,
    F32,
    F64
}
