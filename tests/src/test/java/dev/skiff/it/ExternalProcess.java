package dev.skiff.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs a program to completion with a time limit and captures what it printed. */
final class ExternalProcess {
    record Result(int exitCode, String output) {}

    private ExternalProcess() {}

    static Result run(Path workDir, List<String> command) throws IOException, InterruptedException {
        return run(workDir, command, 60);
    }

    static Result run(Path workDir, List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile(workDir, "out", ".txt");
        Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish in " + timeoutSeconds + " s:\n" + Files.readString(log));
        }
        return new Result(p.exitValue(), Files.readString(log));
    }

    /** Stops a server this test started: SIGTERM, then SIGKILL if it lingers. */
    static void stop(Process server) throws InterruptedException {
        server.destroy();
        if (!server.waitFor(10, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
