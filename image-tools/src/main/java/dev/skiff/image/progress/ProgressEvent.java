package dev.skiff.image.progress;

/**
 * What a long operation (build, push, pull, save, load) reports while it runs. The CLI draws these
 * as progress bars or plain lines; the workbench as progress views.
 */
public sealed interface ProgressEvent {
    /** A step began, e.g. "upload layer sha256:ab12…"; {@code totalBytes} is -1 when unknown. */
    record StepStarted(String step, long totalBytes) implements ProgressEvent {}

    /** More of a step's bytes are done; {@code doneBytes} is cumulative. */
    record StepProgress(String step, long doneBytes, long totalBytes) implements ProgressEvent {}

    /** A step ended; {@code detail} says how, e.g. "exists" or "1.2 MiB". */
    record StepFinished(String step, String detail) implements ProgressEvent {}

    /** Something worth telling the user that is not a step. */
    record Note(String message) implements ProgressEvent {}
}
