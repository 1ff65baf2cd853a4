package dev.skiff.workbench;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javafx.application.Platform;

/**
 * Runs long work (builds, pushes, device calls) off the FX thread, so the window never freezes,
 * and hands the result back on it; a failure becomes a message in the message bar.
 */
public final class Background implements AutoCloseable {
    /** Work that may fail with any exception; its message is shown to the user. */
    @FunctionalInterface
    public interface Work<T> {
        T call() throws Exception;
    }

    private final AtomicInteger threads = new AtomicInteger();
    private final ExecutorService executor = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "workbench-" + threads.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });
    private final MessageBar messages;

    public Background(MessageBar messages) {
        this.messages = messages;
    }

    /** Runs {@code work}; {@code done} gets its result on the FX thread, then {@code after} runs, failed or not. */
    public <T> Future<?> run(String what, Work<T> work, Consumer<T> done, Runnable after) {
        return executor.submit(() -> {
            try {
                T result = work.call();
                Platform.runLater(() -> {
                    done.accept(result);
                    after.run();
                });
            } catch (Exception | LinkageError e) {
                Platform.runLater(() -> {
                    messages.error(what + ": " + MessageBar.describe(e));
                    after.run();
                });
            }
        });
    }

    public <T> Future<?> run(String what, Work<T> work, Consumer<T> done) {
        return run(what, work, done, () -> {});
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
