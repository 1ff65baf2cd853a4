package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** examples/build.sh rebuilds every committed .wasm from its source, byte for byte. */
class ExamplesBuildTest {

    @Test
    void committedModulesMatchTheirSources(@TempDir Path tmp) throws Exception {
        Path examples = Skiff.ROOT.resolve("examples");
        Path copy = tmp.resolve("examples");
        // The examples and the guest SDK they include (sdk/c), at the same relative places.
        List<Path> sources;
        try (Stream<Path> files = Stream.concat(Files.walk(examples), Files.walk(Skiff.ROOT.resolve("sdk")))) {
            sources = files.filter(p -> p.toString().endsWith(".c") || p.toString().endsWith(".h")
                    || p.toString().endsWith(".sh")).toList();
        }
        for (Path source : sources) {
            Path target = tmp.resolve(Skiff.ROOT.relativize(source));
            Files.createDirectories(target.getParent());
            Files.copy(source, target, StandardCopyOption.COPY_ATTRIBUTES);
        }
        Process build = new ProcessBuilder(copy.resolve("build.sh").toString())
                .redirectErrorStream(true).redirectOutput(tmp.resolve("build.log").toFile()).start();
        assertTrue(build.waitFor(5, TimeUnit.MINUTES), "build.sh took over 5 minutes");
        assertEquals(0, build.exitValue(), Files.readString(tmp.resolve("build.log")));

        int compared = 0;
        try (Stream<Path> built = Files.walk(copy)) {
            for (Path wasm : built.filter(p -> p.toString().endsWith(".wasm")).toList()) {
                Path committed = examples.resolve(copy.relativize(wasm));
                assertArrayEquals(Files.readAllBytes(committed), Files.readAllBytes(wasm),
                        committed + " is not what examples/build.sh makes of its source; rebuild and commit it");
                compared++;
            }
        }
        assertTrue(compared >= 13, "only " + compared + " modules were built");
    }
}
