package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** WASI preview1 as guests see it, driven by examples/wasi-probe. */
class WasiBehaviourTest {
    static final Sandbox sandbox = Fixtures.SANDBOX;

    static Fixtures.Result probe(Fixtures.Run run) throws Exception {
        return run.run(sandbox);
    }

    @Test
    void argumentsArriveInOrder() throws Exception {
        var r = probe(new Fixtures.Run("wasi-probe", "args", "A", "b c", "ü"));
        assertEquals(0, r.exitCode(), r.stderr());
        // the probe drops its own "args" selector before printing
        assertEquals("argc=4\nargv[0]=wasi-probe.wasm\nargv[1]=A\nargv[2]=b c\nargv[3]=ü\n", r.stdout());
    }

    @Test
    void environmentIsExactlyWhatWasGiven() throws Exception {
        var r = probe(new Fixtures.Run("wasi-probe", "env").env(Map.of("B", "2", "A", "x=y")));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().startsWith("env:A=x=y\nenv:B=2\n"), r.stdout());
        assertFalse(r.stdout().contains("PATH="), "host environment must not leak in");
    }

    @Test
    void filesInMappedDirectory(@TempDir Path dir) throws Exception {
        var r = probe(new Fixtures.Run("wasi-probe", "fs", "/work").mount(dir, "/work"));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        for (String line : new String[] {
            "read=456", "size=10", "stat.size=10", "stat.isreg=1", "entry=probe.txt", "entry=sub",
            "renamed=1", "cleaned=1"
        }) {
            assertTrue(r.stdout().contains(line + "\n"), line + " missing in:\n" + r.stdout());
        }
        try (var left = Files.list(dir)) {
            assertEquals(0, left.count(), "the probe cleans up after itself");
        }
    }

    @Test
    void hostSeesWhatGuestWrote(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("message.txt"), "from the host\n");
        var r = probe(new Fixtures.Run("hello").mount(dir, "/data").env(Map.of("EXIT_CODE", "4")));
        assertEquals(4, r.exitCode());
        assertTrue(r.stdout().contains("message: from the host\n"), r.stdout());
    }

    @Test
    void clocksAndRandom() throws Exception {
        var clock = probe(new Fixtures.Run("wasi-probe", "clock"));
        assertTrue(clock.stdout().contains("realtime_ok=1\n") && clock.stdout().contains("monotonic_ok=1\n"), clock.stdout());
        var first = probe(new Fixtures.Run("wasi-probe", "random"));
        var second = probe(new Fixtures.Run("wasi-probe", "random"));
        assertTrue(first.stdout().contains("random_ok=1\n"), first.stdout());
        assertFalse(first.stdout().equals(second.stdout()), "two runs draw different random bytes");
    }

    @Test
    void pollOneoffSleeps() throws Exception {
        long t0 = System.nanoTime();
        var r = probe(new Fixtures.Run("wasi-probe", "sleep", "150"));
        long elapsedMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(0, r.exitCode(), r.stderr());
        int slept = Integer.parseInt(r.stdout().replaceAll("(?s).*slept_ms=(\\d+).*", "$1"));
        assertTrue(slept >= 150 && slept < 1000, "guest measured " + slept + " ms");
        assertTrue(elapsedMs >= 150, "host measured " + elapsedMs + " ms");
    }

    @Test
    void stdinIsPipedIn() throws Exception {
        var r = probe(new Fixtures.Run("wasi-probe", "stdin").stdin("abc\ndéf\n"));
        assertEquals(0, r.exitCode(), r.stderr());
        assertTrue(r.stdout().contains("stdin_bytes=9\n"), r.stdout());
        assertTrue(r.stdout().contains("stdin_upper=ABC\nDéF\n"), r.stdout());
    }

    @Test
    void procExitZeroAndNonZero() throws Exception {
        var zero = probe(new Fixtures.Run("wasi-probe", "exit", "0"));
        assertEquals(new ContainerState.Exited(0), zero.state());
        var seven = probe(new Fixtures.Run("wasi-probe", "exit", "7"));
        assertEquals(new ContainerState.Exited(7), seven.state());
        assertEquals("exiting=7\n", seven.stdout());
    }

    @Test
    void interpreterGivesTheSameAnswers() throws Exception {
        var r = probe(new Fixtures.Run("wasi-probe", "args", "x").mode(dev.skiff.runtime.engine.ExecutionMode.INTERPRETED));
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().contains("argv[1]=x\n"));
    }
}
