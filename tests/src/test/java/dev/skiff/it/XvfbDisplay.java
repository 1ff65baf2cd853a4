package dev.skiff.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A real X server without a screen: {@code Xvfb} on the first free display number, stopped on close. */
final class XvfbDisplay implements AutoCloseable {
    private final Process xvfb;
    private final String display;

    private XvfbDisplay(Process xvfb, String display) {
        this.xvfb = xvfb;
        this.display = display;
    }

    static XvfbDisplay start(Path workDir) throws IOException, InterruptedException {
        String program = HostTools.require("Xvfb", "xvfb");
        Path number = Files.createTempFile(workDir, "xvfb", ".display");
        // -displayfd 1: Xvfb picks a free display and writes its number once it accepts clients
        Process xvfb = new ProcessBuilder(program, "-displayfd", "1", "-screen", "0", "1280x800x24", "-nolisten", "tcp")
                .redirectOutput(number.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (System.nanoTime() < deadline) {
            String text = Files.readString(number).trim();
            if (!text.isEmpty()) {
                return new XvfbDisplay(xvfb, ":" + text);
            }
            if (!xvfb.isAlive()) {
                throw new AssertionError("Xvfb exited " + xvfb.exitValue() + " before it named a display");
            }
            Thread.sleep(20);
        }
        xvfb.destroyForcibly();
        throw new AssertionError("Xvfb named no display in 20 s");
    }

    /** For DISPLAY, e.g. {@code :1}. */
    String display() {
        return display;
    }

    @Override
    public void close() throws InterruptedException {
        ExternalProcess.stop(xvfb);
    }
}
