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

    /**
     * Calls an export of the running guest, such as a health check taking nothing and returning an
     * i32. Wasm instances are single-threaded, so the call is made on the guest's own thread at its
     * next safe point (when it sleeps in {@code poll_oneoff}); a guest that does not sleep within
     * {@code timeout} gives {@link ProbeResult.NoAnswer}.
     */
    ProbeResult probe(String export, java.time.Duration timeout);
}
