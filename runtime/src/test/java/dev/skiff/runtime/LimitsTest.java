package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.runtime.engine.ExecutionMode;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Hostile guests against the sandbox's limits; the JVM must come out unharmed every time. */
class LimitsTest {
    static final Sandbox sandbox = Fixtures.SANDBOX;

    @Test
    void memoryBombStopsAtTheLimitAndTheNextRunWorks() throws Exception {
        var r = new Fixtures.Run("membomb").limits(Limits.DEFAULT.withMemoryBytes(32L << 20)).run(sandbox);
        var failed = assertInstanceOf(ContainerState.Failed.class, r.state());
        assertTrue(failed.reason().contains("memory limit of 32 MiB"), failed.reason());
        assertEquals(137, r.exitCode());
        assertTrue(r.stdout().contains("grown_mib=16"), "it did grow up to the limit: " + r.stdout());
        assertTrue(!r.stdout().contains("grow_refused"), "the guest is stopped, not left to spin");

        var next = new Fixtures.Run("hello").run(sandbox);
        assertEquals(0, next.exitCode());
    }

    @ParameterizedTest
    @EnumSource(ExecutionMode.class)
    void infiniteLoopStopsWithin200msOfItsCpuLimit(ExecutionMode mode) throws Exception {
        Duration cpu = Duration.ofMillis(400);
        Container c = new Fixtures.Run("loop").mode(mode).limits(Limits.DEFAULT.withCpuTime(cpu)).create(sandbox);
        ContainerState end = c.run();
        var killed = assertInstanceOf(ContainerState.Killed.class, end);
        assertTrue(killed.reason().contains("CPU-time limit of 400ms"), killed.reason());
        assertEquals(137, end.exitCode());
        long overMs = c.cpuTime().toMillis() - cpu.toMillis();
        assertTrue(overMs >= 0 && overMs < 200, "guest ran " + overMs + " ms of CPU past its limit");
        assertTrue(c.killLatency().toMillis() < 200, "stopped " + c.killLatency().toMillis() + " ms after the kill");
    }

    @Test
    void deepRecursionIsATrapNotACrash() throws Exception {
        var r = new Fixtures.Run("recurse").limits(Limits.DEFAULT.withStackBytes(1L << 20)).run(sandbox);
        var failed = assertInstanceOf(ContainerState.Failed.class, r.state());
        assertTrue(failed.reason().contains("call stack exhausted"), failed.reason());
        var sane = new Fixtures.Run("recurse", "2000").run(sandbox);
        assertEquals(0, sane.exitCode(), sane.state().describe());
        assertTrue(sane.stdout().contains("depth_reached=2000"));
    }

    @Test
    void wallTimeLimitEndsASleeper() throws Exception {
        long t0 = System.nanoTime();
        var r = new Fixtures.Run("sleeper", "100").limits(Limits.DEFAULT.withWallTime(Duration.ofMillis(500))).run(sandbox);
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        var killed = assertInstanceOf(ContainerState.Killed.class, r.state());
        assertTrue(killed.reason().contains("wall-time limit of 500ms"), killed.reason());
        assertTrue(elapsedMs < 900, "took " + elapsedMs + " ms");
        assertTrue(r.stdout().startsWith("tick 1\n"));
    }

    @Test
    void stopInterruptsASleepingGuestLikeSigterm() throws Exception {
        Container c = new Fixtures.Run("sleeper", "60000").create(sandbox).start();
        Thread.sleep(200);
        long t0 = System.nanoTime();
        ContainerState end = c.stop(Duration.ofSeconds(2));
        long stopMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(new ContainerState.Killed(ContainerState.SIGTERM, "stopped"), end);
        assertEquals(143, end.exitCode());
        assertTrue(stopMs < 100, "stop took " + stopMs + " ms");
    }

    @Test
    void killEndsASleepingGuestWith128PlusTheSignal() throws Exception {
        Container c = new Fixtures.Run("sleeper", "60000").create(sandbox).start();
        Thread.sleep(200);
        c.kill(ContainerState.SIGKILL, Duration.ofSeconds(2));
        ContainerState end = c.awaitEnd(Duration.ofSeconds(10));
        assertEquals(new ContainerState.Killed(ContainerState.SIGKILL, "signal 9"), end);
        assertEquals(137, end.exitCode());
    }

    @Test
    void stopInterruptsAGuestBlockedOnStdin() throws Exception {
        var neverWritten = new PipedOutputStream();
        var run = new Fixtures.Run("wasi-probe", "stdin");
        run.stdin = new dev.skiff.runtime.wasi.InterruptibleInput(new PipedInputStream(neverWritten));
        Container c = run.create(sandbox).start();
        Thread.sleep(200);
        ContainerState end = c.stop(Duration.ofSeconds(2));
        assertEquals(143, end.exitCode(), end.describe());
    }

    @Test
    void descriptorExhaustionIsRefusedInsideTheGuest(@TempDir Path dir) throws Exception {
        var r = new Fixtures.Run("fdbomb", "/fd").mount(dir, "/fd").limits(Limits.DEFAULT.withMaxOpenFiles(64)).run(sandbox);
        assertEquals(0, r.exitCode(), r.stdout());
        assertTrue(r.stdout().contains("errno=33\n") || r.stdout().contains("EMFILE"), r.stdout());
        // 64 descriptors minus stdio and the one mapped directory
        assertTrue(r.stdout().contains("opened=60\n"), r.stdout());
        try (var files = Files.list(dir)) {
            assertEquals(60, files.count());
        }
    }

    @Test
    void moduleBiggerThanTheLimitIsRefusedBeforeRunning() throws Exception {
        var r = new Fixtures.Run("hello").limits(Limits.DEFAULT.withMemoryBytes(64 << 10)).run(sandbox);
        var failed = assertInstanceOf(ContainerState.Failed.class, r.state());
        assertTrue(failed.reason().contains("needs at least"), failed.reason());
        assertEquals("", r.stdout());
    }
}
