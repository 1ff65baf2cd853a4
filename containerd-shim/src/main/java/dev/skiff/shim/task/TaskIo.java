package dev.skiff.shim.task;

import dev.skiff.runtime.wasi.InterruptibleInput;
import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;

/**
 * A task's stdio through the FIFOs containerd hands over (an empty path: none). Output FIFOs are
 * opened at once, as the reader is already waiting; stdin is opened on the guest's first read,
 * through {@link InterruptibleInput} so a kill is never stuck behind a blocking read.
 */
final class TaskIo implements AutoCloseable {
    final InputStream stdin;
    final OutputStream stdout;
    final OutputStream stderr;

    private TaskIo(InputStream stdin, OutputStream stdout, OutputStream stderr) {
        this.stdin = stdin;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    static TaskIo open(String stdin, String stdout, String stderr) throws IOException {
        OutputStream out = output(stdout);
        try {
            return new TaskIo(stdin.isEmpty() ? InputStream.nullInputStream() : new InterruptibleInput(new OpenOnRead(stdin)),
                    out, output(stderr));
        } catch (IOException e) {
            out.close();
            throw e;
        }
    }

    private static OutputStream output(String path) throws IOException {
        return path.isEmpty() ? OutputStream.nullOutputStream() : new FileOutputStream(path);
    }

    /** Closing the outputs is what tells {@code ctr} the output is complete. */
    @Override
    public void close() {
        for (AutoCloseable stream : new AutoCloseable[] {stdout, stderr, stdin}) {
            try {
                stream.close();
            } catch (Exception e) {
                // the reader went away first; nothing is left to tell it
            }
        }
    }

    /** Opens the FIFO for reading only when read: opening blocks until containerd's writer is there. */
    private static final class OpenOnRead extends InputStream {
        private final String path;
        private InputStream in;

        OpenOnRead(String path) {
            this.path = path;
        }

        private synchronized InputStream in() {
            if (in == null) {
                try {
                    in = new FileInputStream(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            return in;
        }

        @Override
        public int read() throws IOException {
            return in().read();
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            return in().read(b, off, len);
        }

        @Override
        public synchronized void close() throws IOException {
            if (in != null) {
                in.close();
            }
        }
    }
}
