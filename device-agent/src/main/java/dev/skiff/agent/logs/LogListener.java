package dev.skiff.agent.logs;

/** Receives an app's log lines as they are written (on the writing container's thread: be quick). */
@FunctionalInterface
public interface LogListener {
    void onLine(LogLine line);
}
