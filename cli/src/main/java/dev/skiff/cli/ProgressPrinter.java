package dev.skiff.cli;

import dev.skiff.image.progress.ProgressEvent;
import dev.skiff.image.progress.ProgressListener;
import dev.skiff.protocols.Quantities;
import java.io.PrintWriter;

/**
 * Turns progress events into output on stderr: a redrawn bar per step on a terminal, one plain
 * line per started and finished step otherwise (logs, CI, pipes).
 */
final class ProgressPrinter implements ProgressListener {
    private static final int BAR = 24;
    private final PrintWriter err;
    private final boolean terminal;
    private String drawing;

    ProgressPrinter(PrintWriter err, boolean terminal) {
        this.err = err;
        this.terminal = terminal;
    }

    /** A printer for this process's stderr, drawing bars only when there is a console. */
    static ProgressPrinter forStderr(PrintWriter err) {
        return new ProgressPrinter(err, onTerminal());
    }

    /** Java 22+ returns a console even when redirected and adds isTerminal(); Java 21 returns null then. */
    private static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public synchronized void on(ProgressEvent event) {
        switch (event) {
            case ProgressEvent.StepStarted s -> {
                if (!terminal) {
                    err.println(s.step() + (s.totalBytes() >= 0 ? " (" + Quantities.formatBytes(s.totalBytes()) + ")" : "") + " ...");
                }
            }
            case ProgressEvent.StepProgress p -> {
                if (terminal) {
                    draw(p.step(), bar(p.doneBytes(), p.totalBytes()));
                }
            }
            case ProgressEvent.StepFinished f -> {
                if (terminal) {
                    draw(f.step(), f.detail());
                    err.print('\n');
                    drawing = null;
                } else {
                    err.println(f.step() + ": " + f.detail());
                }
            }
            case ProgressEvent.Note n -> {
                endLine();
                err.println(n.message());
            }
        }
        err.flush();
    }

    private void draw(String step, String status) {
        if (drawing != null && !drawing.equals(step)) {
            err.print('\n');
        }
        drawing = step;
        err.print("\r\033[K" + step + "  " + status);
    }

    private void endLine() {
        if (drawing != null) {
            err.print('\n');
            drawing = null;
        }
    }

    static String bar(long done, long total) {
        if (total <= 0) {
            return Quantities.formatBytes(done);
        }
        int filled = (int) Math.min(BAR, done * BAR / total);
        return "[" + "=".repeat(filled) + " ".repeat(BAR - filled) + "] "
                + Quantities.formatBytes(done) + " / " + Quantities.formatBytes(total);
    }
}
