package dev.skiff.it;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code ./skiff} from the project root as a user would, with its own SKIFF_HOME and, unless a
 * test says otherwise, its own DOCKER_CONFIG (never the credentials of whoever runs the tests).
 */
final class Skiff {
    static final Path ROOT = findRoot();

    private final Path home;
    private final Map<String, String> env;

    Skiff(Path home) {
        this(home, Map.of("SKIFF_HOME", home.toString(), "DOCKER_CONFIG", home.resolve("docker").toString()));
    }

    private Skiff(Path home, Map<String, String> env) {
        this.home = home;
        this.env = env;
    }

    /** The same skiff with one more (or another) environment variable. */
    Skiff withEnv(String name, String value) {
        Map<String, String> more = new HashMap<>(env);
        more.put(name, value);
        return new Skiff(home, Map.copyOf(more));
    }

    record Result(int exitCode, String stdout, String stderr) {
        @Override
        public String toString() {
            return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
        }
    }

    /** Starts a command that runs on (such as {@code logs -f}), its stdout and stderr going to {@code output}. */
    Process start(Path output, String... args) throws IOException {
        return processBuilder(args).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private ProcessBuilder processBuilder(String... args) {
        List<String> command = new ArrayList<>();
        command.add(ROOT.resolve("skiff").toString());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(ROOT.toFile());
        pb.environment().putAll(env);
        return pb;
    }

    Result runWithStdin(String stdin, String... args) throws IOException, InterruptedException {
        ProcessBuilder pb = processBuilder(args);
        Path out = Files.createTempFile(home, "out", ".txt");
        Path err = Files.createTempFile(home, "err", ".txt");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile());
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            if (stdin != null) {
                in.write(stdin.getBytes(StandardCharsets.UTF_8));
            }
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("skiff " + String.join(" ", args) + " did not finish in 60 s");
        }
        return new Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    Result run(String... args) throws IOException, InterruptedException {
        return runWithStdin(null, args);
    }

    /** Fails the test unless the command exited 0; returns its result for further checks. */
    static Result ok(Result r) {
        if (r.exitCode() != 0) {
            throw new AssertionError("expected exit 0, got " + r);
        }
        return r;
    }

    static String example(String name) {
        return "examples/" + name + "/" + name + ".wasm";
    }

    private static Path findRoot() {
        String env = System.getenv("SKIFF_ROOT");
        Path dir = env != null ? Path.of(env) : Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("skiff")) && Files.isDirectory(p.resolve("examples"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the project root (./skiff) above " + dir);
    }
}
