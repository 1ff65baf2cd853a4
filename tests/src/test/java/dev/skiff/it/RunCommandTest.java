package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff run} end to end: output, exit codes, errors and -v timings. */
class RunCommandTest {
    @TempDir Path home;

    Skiff skiff() {
        return new Skiff(home);
    }

    @Test
    void helloPrintsWhatItsSourceSaysAndExitsWithItsCode() throws Exception {
        var r = skiff().run("run", Skiff.example("hello"), "--", "a", "b");
        assertEquals(0, r.exitCode(), r.toString());
        assertEquals("Hello from Skiff!\narg[1]=a\narg[2]=b\n", r.stdout());

        var coded = skiff().run("run", "--env", "EXIT_CODE=3", "--env", "GREETING=hi", Skiff.example("hello"));
        assertEquals(3, coded.exitCode(), coded.toString());
        assertEquals("Hello from Skiff!\nGREETING=hi\n", coded.stdout());
    }

    @Test
    void mappedDirectoryWithGuestPath(@TempDir Path data) throws Exception {
        Files.writeString(data.resolve("message.txt"), "hi from the host\n");
        var r = skiff().run("run", "--dir", data + ":/data", Skiff.example("hello"));
        assertTrue(r.stdout().contains("message: hi from the host\n"), r.toString());
    }

    @Test
    void stdinIsPipedToTheGuest() throws Exception {
        var r = skiff().runWithStdin("piped\n", "run", Skiff.example("wasi-probe"), "--", "stdin");
        assertEquals(0, r.exitCode(), r.toString());
        assertTrue(r.stdout().contains("stdin_upper=PIPED\n"), r.toString());
    }

    @Test
    void secondRunHitsTheCompileCacheAndACorruptEntryIsRecompiled() throws Exception {
        var first = skiff().run("run", "-v", Skiff.example("hello"));
        assertTrue(first.stderr().contains("(compiled, cache miss)"), first.toString());
        var second = skiff().run("run", "-v", Skiff.example("hello"));
        assertTrue(second.stderr().contains("(cache hit)"), second.toString());
        for (String phase : new String[] {"parse ", "compile ", "instantiate ", "run "}) {
            assertTrue(second.stderr().contains(phase), phase + "missing: " + second);
        }

        Path entry;
        try (Stream<Path> files = Files.walk(home.resolve("cache"))) {
            entry = files.filter(p -> p.toString().endsWith(".bin")).findFirst().orElseThrow();
        }
        Files.write(entry, "garbage".getBytes(StandardCharsets.UTF_8));
        var third = skiff().run("run", "-v", Skiff.example("hello"));
        assertEquals(0, third.exitCode(), third.toString());
        assertEquals("Hello from Skiff!\n", third.stdout());
        assertTrue(third.stderr().contains("(compiled, cache miss)"), third.toString());
    }

    @Test
    void errorsNameTheProblem(@TempDir Path tmp) throws Exception {
        Path script = Files.writeString(tmp.resolve("not.wasm"), "#!/bin/sh\necho hi\n");
        var notWasm = skiff().run("run", script.toString());
        assertEquals(125, notWasm.exitCode());
        assertTrue(notWasm.stderr().contains("not a WebAssembly module"), notWasm.toString());

        var missing = skiff().run("run", tmp.resolve("nope.wasm").toString());
        assertEquals(125, missing.exitCode());
        assertTrue(missing.stderr().contains("no such file"), missing.toString());

        byte[] hello = Files.readAllBytes(Skiff.ROOT.resolve(Skiff.example("hello")));
        Path truncated = Files.write(tmp.resolve("truncated.wasm"), java.util.Arrays.copyOf(hello, hello.length / 2));
        var invalid = skiff().run("run", truncated.toString());
        assertEquals(125, invalid.exitCode());
        assertTrue(invalid.stderr().contains("invalid module: "), invalid.toString());

        String text = new String(hello, StandardCharsets.ISO_8859_1);
        assertTrue(text.contains("fd_write"));
        Path renamed = Files.write(tmp.resolve("unknown-import.wasm"),
                text.replace("fd_write", "fd_wrote").getBytes(StandardCharsets.ISO_8859_1));
        var unknown = skiff().run("run", renamed.toString());
        assertEquals(125, unknown.exitCode());
        assertTrue(unknown.stderr().contains("wasi_snapshot_preview1.fd_wrote"), unknown.toString());

        var badSize = skiff().run("run", "--memory", "lots", Skiff.example("hello"));
        assertEquals(125, badSize.exitCode());
        assertTrue(badSize.stderr().contains("'lots' is not a size"), badSize.toString());
    }

    @Test
    void limitHitsSayWhichLimitAndItsValue() throws Exception {
        var bomb = skiff().run("run", "--memory", "32M", Skiff.example("membomb"));
        assertEquals(137, bomb.exitCode(), bomb.toString());
        assertTrue(bomb.stderr().contains("memory limit of 32 MiB reached"), bomb.toString());

        var loop = skiff().run("run", "--cpu-time", "300ms", Skiff.example("loop"));
        assertEquals(137, loop.exitCode(), loop.toString());
        assertTrue(loop.stderr().contains("CPU-time limit of 300ms reached"), loop.toString());

        var slow = skiff().run("run", "--timeout", "1s", Skiff.example("sleeper"), "--", "200");
        assertEquals(137, slow.exitCode(), slow.toString());
        assertTrue(slow.stderr().contains("wall-time limit of 1s reached"), slow.toString());
    }

    @Test
    void versionAndHelp() throws Exception {
        var version = skiff().run("--version");
        assertEquals(0, version.exitCode());
        assertTrue(version.stdout().startsWith("skiff "), version.toString());
        var help = skiff().run("run", "--help");
        for (String option : new String[] {"--dir", "--env", "--memory", "--cpu-time", "--timeout", "--interpreter", "-v"}) {
            assertTrue(help.stdout().contains(option), option + " missing from help: " + help);
        }
    }
}
