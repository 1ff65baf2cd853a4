package dev.skiff.it;

import dev.skiff.image.oci.Digest;
import dev.skiff.image.store.ImageStore;
import dev.skiff.image.store.Staging;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.security.SecureRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A blob upload into an image store's staging area that stops halfway and hangs there, with
 * half the blob on disk: what a delivery leaves when the process receiving it is killed.
 */
final class StalledUpload implements AutoCloseable {
    private final Staging staging;
    private final Digest digest;
    private final CountDownLatch cutOff = new CountDownLatch(1);
    private final Thread writer;

    private StalledUpload(Staging staging, byte[] blob) {
        this.staging = staging;
        this.digest = Digest.of(blob);
        int half = blob.length / 2;
        InputStream stalling = new SequenceInputStream(new ByteArrayInputStream(blob, 0, half), new InputStream() {
            @Override
            public int read() throws IOException {
                try {
                    cutOff.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                throw new IOException("the upload was cut off");
            }
        });
        this.writer = Thread.ofVirtual().unstarted(() -> {
            try {
                staging.blobs().write(digest, blob.length, stalling, n -> {});
            } catch (Exception expected) {
                // cut off: what is under test is what the half-written blob left on disk
            }
        });
    }

    /** Starts uploading {@code size} random bytes and returns once half of them are on disk. */
    static StalledUpload begin(ImageStore store, int size) throws IOException, InterruptedException {
        byte[] blob = new byte[size];
        new SecureRandom().nextBytes(blob);
        StalledUpload upload = new StalledUpload(store.stage(), blob);
        upload.writer.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (StoreFiles.stagedBytes(store.root()) < size / 2) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the upload did not get halfway");
            }
            Thread.sleep(10);
        }
        return upload;
    }

    Digest digest() {
        return digest;
    }

    /** Ends the hanging writer (its upload fails) and drops its staging area if it is still there. */
    @Override
    public void close() throws IOException, InterruptedException {
        cutOff.countDown();
        writer.join();
        staging.close();
    }
}
