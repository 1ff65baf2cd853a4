package dev.skiff.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A null-modem cable made of two pseudo-terminals: what one end's user writes the other end's
 * reads. {@code socat -d -d pty,raw,echo=0 pty,raw,echo=0}, stopped on close.
 */
final class SocatPtyPair implements AutoCloseable {
    private static final Pattern PTY = Pattern.compile("PTY is (/dev/pts/\\d+)");

    private final Process socat;
    private final String a;
    private final String b;

    private SocatPtyPair(Process socat, String a, String b) {
        this.socat = socat;
        this.a = a;
        this.b = b;
    }

    static SocatPtyPair start(Path workDir) throws IOException, InterruptedException {
        String program = HostTools.require("socat", "socat");
        Path log = Files.createTempFile(workDir, "socat", ".log");
        Process socat = new ProcessBuilder(program, "-d", "-d", "pty,raw,echo=0", "pty,raw,echo=0")
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            String text = Files.readString(log);
            if (text.contains("starting data transfer loop")) {
                Matcher m = PTY.matcher(text);
                List<String> ptys = m.results().map(r -> r.group(1)).toList();
                return new SocatPtyPair(socat, ptys.get(0), ptys.get(1));
            }
            if (!socat.isAlive()) {
                throw new AssertionError("socat exited " + socat.exitValue() + ":\n" + text);
            }
            Thread.sleep(20);
        }
        socat.destroyForcibly();
        throw new AssertionError("socat made no pty pair in 20 s:\n" + Files.readString(log));
    }

    /** One end's device, e.g. /dev/pts/3. */
    String a() {
        return a;
    }

    /** The other end's device. */
    String b() {
        return b;
    }

    @Override
    public void close() throws InterruptedException {
        ExternalProcess.stop(socat);
    }
}
