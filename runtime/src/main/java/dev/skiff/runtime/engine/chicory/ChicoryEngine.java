package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.compiler.InterpreterFallback;
import com.dylibso.chicory.compiler.MachineFactoryCompiler;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.InterpreterMachine;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.Parser;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.ExternalType;
import com.dylibso.chicory.wasm.types.Import;
import dev.skiff.runtime.Digests;
import dev.skiff.runtime.Versions;
import dev.skiff.runtime.engine.CompileCache;
import dev.skiff.runtime.engine.CompiledModule;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.GuestEnvironment;
import dev.skiff.runtime.engine.GuestInstance;
import dev.skiff.runtime.engine.LoadedModule;
import dev.skiff.runtime.engine.ModuleException;
import dev.skiff.runtime.engine.ModuleImport;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.wasi.WasiPreview1;
import java.io.IOException;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** {@link dev.skiff.runtime.engine.WasmEngine} over Chicory: its parser, compiler and WASI. */
public final class ChicoryEngine implements dev.skiff.runtime.engine.WasmEngine {
    private static final String VERSION = "chicory-" + Versions.chicory();
    private static final Set<String> WASI_FUNCTIONS = wasiFunctionNames();

    private static Set<String> wasiFunctionNames() {
        try (WasiPreview1 wasi = WasiPreview1.builder().build()) {
            return Arrays.stream(wasi.toHostFunctions()).map(HostFunction::name).collect(Collectors.toUnmodifiableSet());
        }
    }

    @Override
    public Set<String> wasiFunctions() {
        return WASI_FUNCTIONS;
    }

    @Override
    public String version() {
        return VERSION;
    }

    @Override
    public LoadedModule load(byte[] wasm) throws ModuleException {
        if (wasm.length < 8 || wasm[0] != 0 || wasm[1] != 'a' || wasm[2] != 's' || wasm[3] != 'm') {
            throw new ModuleException(
                    "not a WebAssembly module (it does not start with the \\0asm magic bytes)");
        }
        WasmModule module;
        try {
            module = Parser.parse(wasm);
        } catch (ChicoryException | IllegalArgumentException e) {
            throw new ModuleException("invalid module: " + e.getMessage(), e);
        }
        return new Loaded(module, Digests.sha256(wasm), imports(module));
    }

    @Override
    public CompiledModule compile(LoadedModule module, ExecutionMode mode, CompileCache cache)
            throws ModuleException {
        Loaded loaded = (Loaded) module;
        if (mode == ExecutionMode.INTERPRETED) {
            return new Compiled(loaded, mode, false, InterpreterMachine::new);
        }
        var cacheAdapter = new CacheAdapter(cache, loaded.digest(), VERSION);
        try {
            var factory = compiler(loaded.module).withCache(cacheAdapter).compile();
            return new Compiled(loaded, mode, cacheAdapter.hit(), factory);
        } catch (ChicoryException | LinkageError | IllegalStateException e) {
            if (!cacheAdapter.hit()) {
                throw new ModuleException("cannot compile module: " + e.getMessage(), e);
            }
            // A cached entry that checks out but will not load is as good as corrupt.
            cacheAdapter.discard();
            return new Compiled(loaded, mode, false, compiler(loaded.module).compile());
        }
    }

    private static MachineFactoryCompiler.Builder compiler(WasmModule module) {
        return MachineFactoryCompiler.builder(module)
                .withInterpreterFallback(InterpreterFallback.SILENT);
    }

    @Override
    public GuestInstance instantiate(CompiledModule module, GuestEnvironment environment)
            throws ModuleException {
        Compiled compiled = (Compiled) module;
        return ChicoryInstance.create(compiled.loaded.module, compiled.factory, environment);
    }

    private static List<ModuleImport> imports(WasmModule module) {
        var section = module.importSection();
        List<ModuleImport> result = new ArrayList<>(section.importCount());
        for (int i = 0; i < section.importCount(); i++) {
            Import imp = section.getImport(i);
            result.add(new ModuleImport(imp.module(), imp.name(), kind(imp.importType())));
        }
        return List.copyOf(result);
    }

    private static ModuleImport.Kind kind(ExternalType type) {
        return switch (type) {
            case FUNCTION -> ModuleImport.Kind.FUNCTION;
            case MEMORY -> ModuleImport.Kind.MEMORY;
            case TABLE -> ModuleImport.Kind.TABLE;
            case GLOBAL -> ModuleImport.Kind.GLOBAL;
            case TAG -> ModuleImport.Kind.TAG;
        };
    }

    private record Loaded(WasmModule module, String digest, List<ModuleImport> imports)
            implements LoadedModule {
        @Override
        public boolean exportsFunction(String name) {
            var exports = module.exportSection();
            for (int i = 0; i < exports.exportCount(); i++) {
                var export = exports.getExport(i);
                if (export.name().equals(name) && export.exportType() == ExternalType.FUNCTION) {
                    return true;
                }
            }
            return false;
        }

        @Override
        public int minimumMemoryPages() {
            return module.memorySection()
                    .filter(s -> s.memoryCount() > 0)
                    .map(s -> s.getMemory(0).limits().initialPages())
                    .orElse(0);
        }
    }

    private record Compiled(
            Loaded loaded, ExecutionMode mode, boolean fromCache, Function<Instance, Machine> factory)
            implements CompiledModule {
        @Override
        public LoadedModule module() {
            return loaded;
        }
    }

    /** Chicory's cache hook, pointed at Skiff's cache and keyed by our digest. */
    private static final class CacheAdapter implements com.dylibso.chicory.compiler.Cache {
        private final CompileCache cache;
        private final String digest;
        private final String engineVersion;
        private boolean hit;

        CacheAdapter(CompileCache cache, String digest, String engineVersion) {
            this.cache = cache;
            this.digest = digest;
            this.engineVersion = engineVersion;
        }

        @Override
        public byte[] get(String ignoredChicoryKey) throws IOException {
            byte[] data = cache.get(digest, engineVersion);
            hit = data != null;
            return data;
        }

        @Override
        public void putIfAbsent(String ignoredChicoryKey, byte[] data) throws IOException {
            cache.put(digest, engineVersion, data);
        }

        boolean hit() {
            return hit;
        }

        void discard() {
            cache.remove(digest, engineVersion);
        }
    }
}
