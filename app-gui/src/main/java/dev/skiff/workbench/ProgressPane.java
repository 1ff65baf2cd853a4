package dev.skiff.workbench;

import dev.skiff.image.progress.ProgressEvent;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.protocols.Quantities;
import javafx.application.Platform;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;

/** Draws the progress events of a build, push or deploy: the current step and how far it is. */
public final class ProgressPane extends HBox implements ProgressListener {
    private final ProgressBar bar = new ProgressBar(0);
    private final Label step = new Label();

    public ProgressPane(String id) {
        super(8);
        setId(id);
        bar.setId(id + "-bar");
        step.setId(id + "-step");
        bar.setPrefWidth(220);
        HBox.setHgrow(step, Priority.ALWAYS);
        getChildren().addAll(bar, step);
    }

    /** Called on the worker's thread; the drawing happens on the FX thread. */
    @Override
    public void on(ProgressEvent event) {
        Platform.runLater(() -> show(event));
    }

    private void show(ProgressEvent event) {
        switch (event) {
            case ProgressEvent.StepStarted s -> {
                bar.setProgress(s.totalBytes() > 0 ? 0 : ProgressBar.INDETERMINATE_PROGRESS);
                step.setText(s.step() + (s.totalBytes() >= 0 ? " (" + Quantities.formatBytes(s.totalBytes()) + ")" : "") + " ...");
            }
            case ProgressEvent.StepProgress p -> {
                if (p.totalBytes() > 0) {
                    bar.setProgress((double) p.doneBytes() / p.totalBytes());
                }
                step.setText(p.step() + "  " + Quantities.formatBytes(p.doneBytes())
                        + (p.totalBytes() > 0 ? " / " + Quantities.formatBytes(p.totalBytes()) : ""));
            }
            case ProgressEvent.StepFinished f -> {
                bar.setProgress(1);
                step.setText(f.step() + ": " + f.detail());
            }
            case ProgressEvent.Note n -> step.setText(n.message());
        }
    }

    /** A new operation starts: an indeterminate bar until its first step. */
    public void begin(String what) {
        bar.setProgress(ProgressBar.INDETERMINATE_PROGRESS);
        step.setText(what + " ...");
    }

    public void end(String outcome) {
        bar.setProgress(1);
        step.setText(outcome);
    }

    /** The operation ended, however it ended: a bar still waiting for a first step stops (a failure is told in the message bar). */
    public void settle() {
        if (bar.isIndeterminate()) {
            bar.setProgress(0);
        }
    }

    public String stepText() {
        return step.getText();
    }
}
