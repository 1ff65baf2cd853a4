package dev.skiff.runtime;

import static dev.skiff.runtime.TinyWasm.CALL;
import static dev.skiff.runtime.TinyWasm.I32_CONST;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.runtime.capability.HostFunction;
import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.capability.ValueType;
import dev.skiff.runtime.engine.ExecutionMode;
import dev.skiff.runtime.engine.ModuleException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What may run at all: module validity, and imports against grants (deny by default). */
class AdmissionTest {
    static final String ECHO = "skiff:test/echo@0.1.0";
    static final List<TinyWasm.Import> IMPORTS =
            List.of(new TinyWasm.Import(ECHO, "inc", true), new TinyWasm.Import("wasi_snapshot_preview1", "proc_exit", false));
    /** _start: proc_exit(inc(41)) */
    static final byte[] CALLS_ECHO = TinyWasm.module(IMPORTS, I32_CONST, 41, CALL, 0, CALL, 1);

    static final Sandbox sandbox = Fixtures.SANDBOX;

    static ContainerSpec spec(List<HostModule> grants) {
        return new ContainerSpec("t", List.of("t.wasm"), Map.of(), List.of(), InputStream.nullInputStream(),
                OutputStream.nullOutputStream(), OutputStream.nullOutputStream(), Limits.DEFAULT, grants);
    }

    @Test
    void ungrantedImportIsRefusedNamingModuleAndFunction() throws Exception {
        PreparedModule module = sandbox.prepare(CALLS_ECHO, ExecutionMode.COMPILED);
        var e = assertThrows(AdmissionException.class, () -> sandbox.create(module, spec(List.of())));
        assertTrue(e.getMessage().contains(ECHO + ".inc"), e.getMessage());
        assertTrue(e.getMessage().contains("nothing grants"), e.getMessage());
    }

    @Test
    void grantedHostModuleIsLinkedAndCalled() throws Exception {
        var echo = new HostModule(ECHO, List.of(new HostFunction("inc", List.of(ValueType.I32), List.of(ValueType.I32),
                (memory, args) -> new long[] {args[0] + 1})));
        PreparedModule module = sandbox.prepare(CALLS_ECHO, ExecutionMode.COMPILED);
        ContainerState end = sandbox.create(module, spec(List.of(echo))).run();
        assertEquals(new ContainerState.Exited(42), end);
    }

    @Test
    void grantWithoutTheImportedFunctionIsRefused() throws Exception {
        var other = new HostModule(ECHO, List.of(new HostFunction("dec", List.of(ValueType.I32), List.of(ValueType.I32),
                (memory, args) -> new long[] {args[0] - 1})));
        PreparedModule module = sandbox.prepare(CALLS_ECHO, ExecutionMode.COMPILED);
        var e = assertThrows(AdmissionException.class, () -> sandbox.create(module, spec(List.of(other))));
        assertTrue(e.getMessage().contains("has no such function"), e.getMessage());
    }

    @Test
    void unknownWasiFunctionIsRefused() throws Exception {
        byte[] wasm = TinyWasm.module(List.of(new TinyWasm.Import("wasi_snapshot_preview1", "no_such_call", false)),
                I32_CONST, 0, CALL, 0);
        PreparedModule module = sandbox.prepare(wasm, ExecutionMode.COMPILED);
        var e = assertThrows(AdmissionException.class, () -> sandbox.create(module, spec(List.of())));
        assertTrue(e.getMessage().contains("wasi_snapshot_preview1.no_such_call"), e.getMessage());
    }

    @Test
    void notAWasmFileIsNamedAsSuch() {
        var e = assertThrows(ModuleException.class,
                () -> sandbox.prepare("#!/bin/sh\necho hi\n".getBytes(), ExecutionMode.COMPILED));
        assertTrue(e.getMessage().startsWith("not a WebAssembly module"), e.getMessage());
    }

    @Test
    void invalidModuleCarriesTheValidatorsMessage() {
        byte[] broken = CALLS_ECHO.clone();
        broken[broken.length - 3] = (byte) 0xff; // an opcode that does not exist inside _start
        var e = assertThrows(ModuleException.class, () -> sandbox.prepare(broken, ExecutionMode.COMPILED));
        assertTrue(e.getMessage().startsWith("invalid module: "), e.getMessage());
        assertTrue(e.getMessage().length() > "invalid module: ".length() + 5, e.getMessage());
    }
}
