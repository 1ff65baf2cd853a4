package dev.skiff.runtime.engine.chicory;

import com.dylibso.chicory.runtime.ExecutionCompletedException;
import com.dylibso.chicory.runtime.HostFunction;
import com.dylibso.chicory.runtime.ImportValues;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Machine;
import com.dylibso.chicory.wasi.WasiExitException;
import com.dylibso.chicory.wasi.WasiOptions;
import com.dylibso.chicory.wasi.WasiPreview1;
import com.dylibso.chicory.wasm.ChicoryException;
import com.dylibso.chicory.wasm.WasmModule;
import com.dylibso.chicory.wasm.types.MemoryLimits;
import com.dylibso.chicory.wasm.types.ValType;
import dev.skiff.protocols.Quantities;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.ValueType;
import dev.skiff.runtime.engine.GuestEnvironment;
import dev.skiff.runtime.engine.GuestInstance;
import dev.skiff.runtime.engine.ModuleException;
import dev.skiff.runtime.engine.ProbeResult;
import dev.skiff.runtime.engine.Mount;
import dev.skiff.runtime.engine.RunOutcome;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** One Chicory instance with hardened WASI and the granted host modules linked in. */
final class ChicoryInstance implements GuestInstance {
    private static final int PAGE = 65536;

    private final Instance instance;
    private final WasiPreview1 wasi;
    private final SafePoint safePoint;
    private volatile Thread runner;
    private volatile boolean interruptRequested;

    private ChicoryInstance(Instance instance, WasiPreview1 wasi, SafePoint safePoint) {
        this.instance = instance;
        this.wasi = wasi;
        this.safePoint = safePoint;
    }

    static ChicoryInstance create(
            WasmModule module, Function<Instance, Machine> machines, GuestEnvironment env)
            throws ModuleException {
        Map<String, Path> directories = new LinkedHashMap<>();
        List<Path> preopens = new ArrayList<>();
        for (Mount mount : env.mounts()) {
            Path real;
            try {
                real = mount.hostDir().toRealPath();
            } catch (IOException e) {
                throw new ModuleException("cannot map " + mount.hostDir() + ": " + e.getMessage(), e);
            }
            directories.put(mount.guestPath(), real);
            preopens.add(real);
        }
        WasiOptions.Builder options =
                WasiOptions.builder()
                        .withArguments(env.args())
                        .withStdin(env.stdin(), false)
                        .withStdout(env.stdout(), false)
                        .withStderr(env.stderr(), false)
                        .withThrowOnExit0(false);
        new TreeMap<>(env.env()).forEach(options::withEnvironment);
        directories.forEach(options::withDirectory);
        WasiPreview1 wasi = WasiPreview1.builder().withOptions(options.build()).build();
        SafePoint safePoint = new SafePoint();
        List<HostFunction> functions =
                new ArrayList<>(new HardenedWasi(preopens, env.maxOpenFiles(), safePoint).wrap(wasi.toHostFunctions()));
        for (HostModule hostModule : env.hostModules()) {
            functions.addAll(link(hostModule, safePoint));
        }

        int limitPages = (int) Math.min(MemoryLimits.MAX_PAGES, env.memoryLimitBytes() / PAGE);
        int minimum = 0;
        int declaredMaximum = MemoryLimits.MAX_PAGES;
        if (module.memorySection().isPresent() && module.memorySection().get().memoryCount() > 0) {
            var declared = module.memorySection().get().getMemory(0).limits();
            minimum = declared.initialPages();
            declaredMaximum = declared.maximumPages();
        }
        if (minimum > limitPages) {
            throw new ModuleException(
                    "module needs at least "
                            + Quantities.formatBytes((long) minimum * PAGE)
                            + " of memory; the memory limit is "
                            + Quantities.formatBytes(env.memoryLimitBytes()));
        }
        // Keep the module's own minimum and maximum; Skiff's ceiling is enforced on grow.
        MemoryLimits limits = new MemoryLimits(minimum, Math.min(declaredMaximum, MemoryLimits.MAX_PAGES));
        try {
            Instance instance =
                    Instance.builder(module)
                            .withMachineFactory(machines)
                            .withImportValues(
                                    ImportValues.builder().addFunction(functions.toArray(HostFunction[]::new)).build())
                            .withMemoryLimits(limits)
                            .withMemoryFactory(l -> new FlatMemory(l, limitPages))
                            .withStart(false)
                            .build();
            return new ChicoryInstance(instance, wasi, safePoint);
        } catch (ChicoryException e) {
            wasi.close();
            throw new ModuleException("cannot instantiate module: " + e.getMessage(), e);
        }
    }

    private static List<HostFunction> link(HostModule hostModule, SafePoint safePoint) {
        List<HostFunction> linked = new ArrayList<>();
        for (var function : hostModule.functions()) {
            linked.add(
                    new HostFunction(
                            hostModule.name(),
                            function.name(),
                            function.params().stream().map(ChicoryInstance::valType).toList(),
                            function.results().stream().map(ChicoryInstance::valType).toList(),
                            (inst, args) -> function.body().call(new ChicoryGuestMemory(inst, safePoint), args)));
        }
        return linked;
    }

    private static ValType valType(ValueType type) {
        return switch (type) {
            case I32 -> ValType.I32;
            case I64 -> ValType.I64;
            case F32 -> ValType.F32;
            case F64 -> ValType.F64;
        };
    }

    @Override
    public RunOutcome run() {
        runner = Thread.currentThread();
        try {
            if (interruptRequested) {
                return new RunOutcome.Interrupted();
            }
            var start = instance.exports().function("_start");
            start.apply();
            return new RunOutcome.Exited(0);
        } catch (StackOverflowError e) {
            return new RunOutcome.Trapped("call stack exhausted");
        } catch (RuntimeException e) {
            return outcomeOf(e);
        } finally {
            Thread.interrupted(); // the interrupt was for this guest, not for whoever runs next
            safePoint.close();
            wasi.close();
        }
    }

    private RunOutcome outcomeOf(RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FlatMemory.LimitExceeded limit) {
                return new RunOutcome.MemoryLimitExceeded(limit.limitBytes, limit.requestedBytes);
            }
            if (t instanceof WasiExitException exit) {
                return new RunOutcome.Exited(exit.exitCode());
            }
            if (t instanceof ExecutionCompletedException) {
                return new RunOutcome.Exited(0); // proc_exit(0)
            }
        }
        if (interruptRequested) {
            return new RunOutcome.Interrupted();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new RunOutcome.Trapped(message);
    }

    @Override
    public ProbeResult probe(String export, Duration timeout) {
        return safePoint.call(export, timeout);
    }

    @Override
    public void interrupt() {
        interruptRequested = true;
        Thread thread = runner;
        if (thread != null) {
            thread.interrupt();
        }
    }
}
