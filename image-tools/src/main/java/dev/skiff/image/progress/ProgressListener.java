package dev.skiff.image.progress;

/** Receives {@link ProgressEvent}s; called on the thread doing the work. */
@FunctionalInterface
public interface ProgressListener {
    ProgressListener NONE = event -> {};

    void on(ProgressEvent event);
}
