package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.runtime.engine.ExecutionMode;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CompileCacheTest {

    @Test
    void tempFilesOfWritesThatNeverFinishedAreRemovedOnceOld(@TempDir Path cacheDir) throws Exception {
        Path versionDir = Files.createDirectories(cacheDir.resolve("chicory-x"));
        Path abandoned = Files.writeString(versionDir.resolve("abc.bin123.tmp"), "half");
        Files.setLastModifiedTime(abandoned, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(DiskCompileCache.ABANDONED_AFTER).minusSeconds(60)));
        Path inFlight = Files.writeString(versionDir.resolve("def.bin456.tmp"), "being written");
        new DiskCompileCache(cacheDir);
        assertEquals(false, Files.exists(abandoned));
        assertEquals(true, Files.exists(inFlight), "another process may be writing it right now");
    }

    @Test
    void theInMemoryMemoKeepsOnlyTheMostRecentlyUsedModules() throws Exception {
        try (Sandbox sandbox = Sandbox.inMemory()) {
            byte[][] modules = new byte[Sandbox.MAX_PREPARED + 1][];
            for (int i = 0; i < modules.length; i++) {
                modules[i] = TinyWasm.module(java.util.List.of(), TinyWasm.I32_CONST, i, TinyWasm.DROP); // distinct bytes
                sandbox.prepare(modules[i], ExecutionMode.INTERPRETED);
            }
            assertEquals(PreparedModule.Source.MEMORY, sandbox.prepare(modules[modules.length - 1], ExecutionMode.INTERPRETED).source());
            assertEquals(PreparedModule.Source.INTERPRETER, sandbox.prepare(modules[0], ExecutionMode.INTERPRETED).source(),
                    "the least recently used module was dropped");
        }
    }

    @Test
    void secondPrepareLoadsFromDiskAndDamagedEntriesAreRecompiled(@TempDir Path cacheDir) throws Exception {
        byte[] wasm = Fixtures.wasm("hello");
        try (Sandbox first = Sandbox.withCompileCache(cacheDir)) {
            assertEquals(PreparedModule.Source.COMPILED, first.prepare(wasm, ExecutionMode.COMPILED).source());
            assertEquals(PreparedModule.Source.MEMORY, first.prepare(wasm, ExecutionMode.COMPILED).source());
        }
        PreparedModule cached;
        try (Sandbox second = Sandbox.withCompileCache(cacheDir)) {
            cached = second.prepare(wasm, ExecutionMode.COMPILED);
            assertEquals(PreparedModule.Source.DISK_CACHE, cached.source());
            assertEquals(0, new Fixtures.Run("hello").run(second).exitCode());
        }

        Path entry = new DiskCompileCache(cacheDir).file(cached.digest(), "chicory-" + Versions.chicory());
        byte[] bytes = Files.readAllBytes(entry);
        bytes[bytes.length / 2] ^= 0x5a;
        Files.write(entry, bytes);

        try (Sandbox third = Sandbox.withCompileCache(cacheDir)) {
            assertEquals(PreparedModule.Source.COMPILED, third.prepare(wasm, ExecutionMode.COMPILED).source());
            var r = new Fixtures.Run("hello").run(third);
            assertEquals("Hello from Skiff!\n", r.stdout());
        }
        try (Sandbox fourth = Sandbox.withCompileCache(cacheDir)) {
            assertEquals(PreparedModule.Source.DISK_CACHE, fourth.prepare(wasm, ExecutionMode.COMPILED).source(),
                    "the recompiled entry replaced the damaged one");
        }
    }

    @Test
    void truncatedEntryReadsAsAbsent(@TempDir Path cacheDir) throws Exception {
        var cache = new DiskCompileCache(cacheDir);
        cache.put("sha256:abcd", "engine-1", new byte[] {1, 2, 3});
        assertEquals(3, cache.get("sha256:abcd", "engine-1").length);
        Path file = cache.file("sha256:abcd", "engine-1");
        Files.write(file, new byte[] {1, 2});
        assertEquals(null, cache.get("sha256:abcd", "engine-1"));
        assertEquals(false, Files.exists(file));
    }
}
