package dev.skiff.runtime.capability.serial;

import dev.skiff.protocols.manifest.SerialGrant;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import jssc.SerialPort;
import jssc.SerialPortException;

/**
 * Real serial devices through jssc. jssc blocks in native code where an interrupt does not reach
 * it, so a read here polls the input buffer in short sleeps instead (the sleep is where a
 * stopping container's interrupt lands), and a write goes out in chunks that drain in about
 * {@value #CHUNK_MILLIS} ms at the line's speed, with the interrupt checked between them.
 */
public final class JsscSerialBackend implements SerialBackend {
    /** How long a waiting read sleeps between looks at the input buffer: the added latency. */
    private static final long POLL_MILLIS = 2;
    /** How long one chunk of a write may block once the driver's buffer is full. */
    private static final int CHUNK_MILLIS = 50;

    @Override
    public SerialConnection open(SerialGrant grant) throws IOException {
        SerialPort port = new SerialPort(grant.device());
        try {
            port.openPort();
            boolean set = port.setParams(grant.baud(), SerialPort.DATABITS_8, SerialPort.STOPBITS_1, parity(grant.parity()));
            // A pty (socat, a simulator) has no line settings and refuses them; a UART must take them.
            if (!set && !isPseudoTerminal(grant.device())) {
                port.closePort();
                throw new IOException("the device refused " + grant.baud() + " baud, parity " + grant.parity().yaml());
            }
            // about 10 bits a byte on the line (start, 8 data, stop; parity adds one)
            return new Connection(port, Math.max(16, grant.baud() / 10 * CHUNK_MILLIS / 1000));
        } catch (SerialPortException e) {
            throw new IOException(e.getExceptionType(), e);
        }
    }

    private static int parity(SerialGrant.Parity parity) {
        return switch (parity) {
            case NONE -> SerialPort.PARITY_NONE;
            case EVEN -> SerialPort.PARITY_EVEN;
            case ODD -> SerialPort.PARITY_ODD;
        };
    }

    private static boolean isPseudoTerminal(String device) {
        try {
            return Path.of(device).toRealPath().startsWith("/dev/pts");
        } catch (IOException e) {
            return false;
        }
    }

    private record Connection(SerialPort port, int chunkBytes) implements SerialConnection {

        @Override
        public byte[] read(int max, Duration timeout) throws IOException, InterruptedException {
            if (max == 0) {
                return new byte[0];
            }
            long deadline = System.nanoTime() + timeout.toNanos();
            try {
                while (true) {
                    int available = port.getInputBufferBytesCount();
                    if (available < 0) {
                        throw new IOException("the device is gone");
                    }
                    if (available > 0) {
                        byte[] bytes = port.readBytes(Math.min(available, max));
                        return bytes == null ? new byte[0] : bytes;
                    }
                    if (System.nanoTime() - deadline >= 0) {
                        return new byte[0];
                    }
                    Thread.sleep(POLL_MILLIS);
                }
            } catch (SerialPortException e) {
                throw new IOException(e.getExceptionType(), e);
            }
        }

        @Override
        public void write(byte[] bytes) throws IOException, InterruptedException {
            try {
                for (int from = 0; from < bytes.length; from += chunkBytes) {
                    if (Thread.interrupted()) {
                        throw new InterruptedException("serial write interrupted");
                    }
                    if (!port.writeBytes(Arrays.copyOfRange(bytes, from, Math.min(bytes.length, from + chunkBytes)))) {
                        throw new IOException("the device took only part of " + bytes.length + " bytes");
                    }
                }
            } catch (SerialPortException e) {
                throw new IOException(e.getExceptionType(), e);
            }
        }

        @Override
        public void close() {
            try {
                port.closePort();
            } catch (SerialPortException e) {
                // already closed or gone: nothing is left to give back
            }
        }
    }
}
