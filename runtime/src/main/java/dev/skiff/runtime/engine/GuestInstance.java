package dev.skiff.runtime.engine;

/** An instantiated module. {@link #run()} is called once, on the thread that runs the guest. */
public interface GuestInstance {

    /** Runs {@code _start} to completion on the calling thread. */
    RunOutcome run();

    /**
     * Asks a running guest to stop. Spinning guest code and Skiff's own blocking host calls
     * (sleep, stdin, capability waits) notice within milliseconds; {@link #run()} then returns
     * {@link RunOutcome.Interrupted}.
     */
    void interrupt();
}
