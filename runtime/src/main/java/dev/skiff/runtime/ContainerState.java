package dev.skiff.runtime;

/**
 * Lifecycle of a container: created → running → exited | killed | failed. Exit codes follow
 * runwasi: the guest's {@code proc_exit} value, 128+signal when killed, 137 on engine errors.
 */
public sealed interface ContainerState {

    record Created() implements ContainerState {}

    record Running() implements ContainerState {}

    /** The guest returned from {@code _start} or called {@code proc_exit(code)}. */
    record Exited(int code) implements ContainerState {}

    /** Stopped from outside: a stop request (SIGTERM) or a time limit (SIGKILL). */
    record Killed(int signal, String reason) implements ContainerState {}

    /** Ended by the sandbox: a trap, the memory limit, a failed start, or a stop that hung. */
    record Failed(String reason) implements ContainerState {}

    int SIGKILL = 9;
    int SIGTERM = 15;

    default boolean isFinal() {
        return this instanceof Exited || this instanceof Killed || this instanceof Failed;
    }

    /** The process-style exit code of a final state. */
    default int exitCode() {
        return switch (this) {
            case Exited e -> e.code();
            case Killed k -> 128 + k.signal();
            case Failed f -> 137;
            case Created c -> throw new IllegalStateException("container has not run");
            case Running r -> throw new IllegalStateException("container is still running");
        };
    }

    /** One line for users: what happened and why. */
    default String describe() {
        return switch (this) {
            case Created c -> "created";
            case Running r -> "running";
            case Exited e -> "exited with code " + e.code();
            case Killed k -> "killed (" + k.reason() + "), exit code " + exitCode();
            case Failed f -> "failed: " + f.reason();
        };
    }
}
