package dev.skiff.runtime;

import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.Mount;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The example modules under {@code examples/} and a way to run them and capture output. */
final class Fixtures {
    /** One sandbox for every test class, as one agent serves every container; never closed. */
    static final Sandbox SANDBOX = Sandbox.inMemory();

    private Fixtures() {}

    static Path root() {
        String env = System.getenv("SKIFF_ROOT");
        Path dir = env != null ? Path.of(env) : Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isDirectory(p.resolve("examples"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the examples/ folder above " + dir);
    }

    static byte[] wasm(String name) {
        try {
            return Files.readAllBytes(root().resolve("examples").resolve(name).resolve(name + ".wasm"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Output and end state of one run. */
    record Result(ContainerState state, String stdout, String stderr, Container container) {
        int exitCode() {
            return state.exitCode();
        }
    }

    /** A run to configure; {@link #run(Sandbox)} starts it and waits for the end. */
    static final class Run {
        final String module;
        final List<String> args = new ArrayList<>();
        Map<String, String> env = Map.of();
        final List<Mount> mounts = new ArrayList<>();
        InputStream stdin = InputStream.nullInputStream();
        Limits limits = Limits.DEFAULT;
        ExecutionMode mode = ExecutionMode.COMPILED;
        List<HostModule> capabilities = List.of();
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        final ByteArrayOutputStream err = new ByteArrayOutputStream();

        Run(String module, String... args) {
            this.module = module;
            this.args.add(module + ".wasm");
            this.args.addAll(List.of(args));
        }

        Run env(Map<String, String> value) {
            env = value;
            return this;
        }

        Run mount(Path host, String guest) {
            mounts.add(new Mount(host, guest));
            return this;
        }

        Run stdin(String text) {
            stdin = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
            return this;
        }

        Run limits(Limits value) {
            limits = value;
            return this;
        }

        Run capabilities(List<HostModule> value) {
            capabilities = value;
            return this;
        }

        Run mode(ExecutionMode value) {
            mode = value;
            return this;
        }

        Container create(Sandbox sandbox) throws Exception {
            PreparedModule prepared = sandbox.prepare(wasm(module), mode);
            return sandbox.create(
                    prepared,
                    new ContainerSpec(module, args, env, mounts, stdin, out, err, limits, capabilities));
        }

        Result run(Sandbox sandbox) throws Exception {
            Container container = create(sandbox);
            ContainerState end = container.run();
            return new Result(
                    end,
                    out.toString(StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8),
                    container);
        }
    }
}
