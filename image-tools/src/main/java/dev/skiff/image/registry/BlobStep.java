package dev.skiff.image.registry;

import dev.skiff.image.oci.Descriptor;
import dev.skiff.image.progress.ProgressEvent;
import dev.skiff.image.progress.ProgressListener;
import java.util.function.LongConsumer;

/** The progress events of one blob's transfer, a step named after the blob's short digest. */
final class BlobStep implements LongConsumer {
    private final ProgressListener listener;
    private final String step;
    private final long total;
    private long reported;

    private BlobStep(ProgressListener listener, Descriptor blob) {
        this.listener = listener;
        this.step = "blob " + blob.digest().shortHex();
        this.total = blob.size();
        listener.on(new ProgressEvent.StepStarted(step, total));
    }

    static BlobStep start(ProgressListener listener, Descriptor blob) {
        return new BlobStep(listener, blob);
    }

    /** A blob that needs no transfer, e.g. because the other side has it ("exists"). */
    static void skip(ProgressListener listener, Descriptor blob, String detail) {
        start(listener, blob).finish(detail);
    }

    /** Reports at most about every percent: transfers read in small chunks, and a bar need not redraw for each. */
    @Override
    public void accept(long doneBytes) {
        if (doneBytes - reported >= Math.max(64 * 1024, total / 100) || doneBytes == total) {
            reported = doneBytes;
            listener.on(new ProgressEvent.StepProgress(step, doneBytes, total));
        }
    }

    void finish(String detail) {
        listener.on(new ProgressEvent.StepFinished(step, detail));
    }
}
