package dev.skiff.runtime.capability;

import java.util.List;

/**
 * A capability a container may import, e.g. {@code wasi:gpio/digital@0.2.0}. Deny by default: an
 * instance is linked only against the host modules its grants produced, so any other import
 * fails admission.
 */
public record HostModule(String name, List<HostFunction> functions) {

    public HostModule {
        functions = List.copyOf(functions);
    }
}
