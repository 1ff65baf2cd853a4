package dev.skiff.runtime.capability;

import java.util.List;

/**
 * A capability a container may import, e.g. {@code wasi:gpio/digital@0.2.0}. Deny by default: an
 * instance is linked only against the host modules its grants produced, so any other import
 * fails admission.
 *
 * @param lease what the capability holds exclusively while the container exists
 */
public record HostModule(String name, List<HostFunction> functions, CapabilityLease lease) {

    public HostModule {
        functions = List.copyOf(functions);
    }

    /** A capability that holds nothing exclusively. */
    public HostModule(String name, List<HostFunction> functions) {
        this(name, functions, CapabilityLease.NONE);
    }
}
