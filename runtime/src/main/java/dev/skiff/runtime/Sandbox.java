package dev.skiff.runtime;

import dev.skiff.runtime.engine.CompileCache;
import dev.skiff.runtime.engine.CompiledModule;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.LoadedModule;
import dev.skiff.runtime.engine.ModuleException;
import dev.skiff.runtime.engine.WasmEngine;
import dev.skiff.runtime.engine.chicory.ChicoryEngine;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * The wasm sandbox: prepares modules (parse, validate, compile once per digest) and creates
 * containers from them. One instance serves a whole process (CLI run, agent, shim).
 */
public final class Sandbox implements AutoCloseable {
    private final WasmEngine engine;
    private final CompileCache cache;
    private final Watchdog watchdog = new Watchdog();
    /**
     * Compiled modules by digest and mode, least recently used dropped first: an agent sees many
     * releases over its life, and each compiled module holds its classes.
     */
    private final Map<String, CompiledModule> prepared = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, CompiledModule> eldest) {
                    return size() > MAX_PREPARED;
                }
            });

    /** How many compiled modules stay in memory; more come back from the disk cache quickly. */
    static final int MAX_PREPARED = 64;

    private Sandbox(WasmEngine engine, CompileCache cache) {
        this.engine = engine;
        this.cache = cache;
    }

    /** A sandbox on Chicory with compiled code cached under {@code cacheDir}. */
    public static Sandbox withCompileCache(Path cacheDir) {
        return new Sandbox(new ChicoryEngine(), new DiskCompileCache(cacheDir));
    }

    /** A sandbox on Chicory that keeps compiled code in memory only. */
    public static Sandbox inMemory() {
        return new Sandbox(new ChicoryEngine(), CompileCache.NONE);
    }

    public String engineVersion() {
        return engine.version();
    }

    /**
     * Parses, validates and compiles a module, or reuses what this sandbox prepared before for
     * the same bytes and mode.
     */
    public PreparedModule prepare(byte[] wasm, ExecutionMode mode) throws ModuleException {
        String key = Digests.sha256(wasm) + "/" + mode;
        CompiledModule known = prepared.get(key);
        if (known != null) {
            return new PreparedModule(known, Duration.ZERO, Duration.ZERO, PreparedModule.Source.MEMORY);
        }
        long t0 = System.nanoTime();
        LoadedModule module = engine.load(wasm);
        long t1 = System.nanoTime();
        CompiledModule compiled = engine.compile(module, mode, cache);
        long t2 = System.nanoTime();
        prepared.putIfAbsent(key, compiled);
        PreparedModule.Source source =
                mode == ExecutionMode.INTERPRETED
                        ? PreparedModule.Source.INTERPRETER
                        : compiled.fromCache() ? PreparedModule.Source.DISK_CACHE : PreparedModule.Source.COMPILED;
        return new PreparedModule(compiled, Duration.ofNanos(t1 - t0), Duration.ofNanos(t2 - t1), source);
    }

    /**
     * Compiles a module afresh and returns the engine's cacheable artifact, which images carry as
     * their precompiled layer (labelled with {@link #engineVersion()}).
     */
    public byte[] precompile(byte[] wasm) throws ModuleException {
        byte[][] artifact = new byte[1][];
        CompileCache capture =
                new CompileCache() {
                    @Override
                    public byte[] get(String moduleDigest, String engineVersion) {
                        return null;
                    }

                    @Override
                    public void put(String moduleDigest, String engineVersion, byte[] data) {
                        artifact[0] = data;
                    }

                    @Override
                    public void remove(String moduleDigest, String engineVersion) {}
                };
        engine.compile(engine.load(wasm), ExecutionMode.COMPILED, capture);
        if (artifact[0] == null) {
            throw new ModuleException("engine " + engine.version() + " produced no precompiled artifact");
        }
        return artifact[0];
    }

    /**
     * Offers a precompiled artifact from an image. It is kept only when it was made by this very
     * engine version; otherwise the module is compiled here as usual. A damaged artifact is
     * detected and discarded at compile time.
     *
     * @return whether the artifact was taken
     */
    public boolean offerPrecompiled(byte[] wasm, String engineVersion, byte[] artifact) {
        if (!engine.version().equals(engineVersion)) {
            return false;
        }
        String digest = Digests.sha256(wasm);
        if (cache.get(digest, engineVersion) == null) {
            cache.put(digest, engineVersion, artifact);
        }
        return true;
    }

    /**
     * Admits a container: checks imports against grants and takes the exclusive resources its
     * capabilities hold (given back when it ends). Runs no guest code.
     */
    public Container create(PreparedModule module, ContainerSpec spec) throws AdmissionException {
        Admission.check(module.module(), spec, engine.wasiFunctions());
        Admission.acquireLeases(spec);
        return new Container(module, spec, engine, watchdog);
    }

    @Override
    public void close() {
        watchdog.close();
    }
}
