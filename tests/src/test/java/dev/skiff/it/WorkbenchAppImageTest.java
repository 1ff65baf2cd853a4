package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** installers/workbench-app-image makes a jpackage app-image whose launcher starts the workbench's main class on its own runtime. */
class WorkbenchAppImageTest {
    @TempDir Path dir;

    @Test
    void appImageLauncherRunsOnItsOwnRuntime() throws Exception {
        var built = ExternalProcess.run(dir, List.of(Skiff.ROOT.resolve("installers/workbench-app-image").toString(), dir.toString()),
                300); // jdeps and jlink take a while on a loaded machine
        assertEquals(0, built.exitCode(), built.output());
        Path image = dir.resolve("skiff-workbench");
        Path launcher = image.resolve("bin/skiff-workbench");
        assertTrue(Files.isExecutable(launcher), "no launcher in " + image + ": " + built.output());
        assertTrue(Files.exists(image.resolve("lib/runtime/release")), "the image carries its own Java runtime");
        try (var jars = Files.list(image.resolve("lib/app/lib"))) {
            assertTrue(jars.anyMatch(j -> j.getFileName().toString().matches("javafx-graphics-.*-linux\\.jar")), "JavaFX (with its Linux natives) is in the image");
        }

        var version = ExternalProcess.run(dir, List.of(launcher.toString(), "--version"));
        assertEquals(0, version.exitCode(), version.output());
        assertTrue(version.output().startsWith("Skiff Workbench 0.1.0"), version.output());
    }
}
