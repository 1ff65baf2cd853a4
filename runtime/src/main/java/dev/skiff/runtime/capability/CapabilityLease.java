package dev.skiff.runtime.capability;

/**
 * Exclusive resources a capability holds for one container (GPIO lines, serial ports): taken at
 * admission, so a conflict refuses the deploy before any guest code runs, and given back when the
 * container ends, however it ends.
 */
public interface CapabilityLease {
    /** For capabilities that hold nothing exclusively. */
    CapabilityLease NONE = new CapabilityLease() {
        @Override
        public void acquire() {}

        @Override
        public void release() {}
    };

    /** @throws CapabilityUnavailableException when another container holds one of the resources */
    void acquire() throws CapabilityUnavailableException;

    /**
     * The container ended (exited, trapped, stopped or abandoned): put every resource in its safe
     * state and give it back. Runs once per acquire, on whichever thread finished the container;
     * a guest thread that was abandoned may still call in afterwards and must find nothing.
     */
    void release();
}
