package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** skiff build, images, inspect, save, load, rmi and run REF, as a user runs them. */
class ImageCommandsTest {
    @TempDir Path home;
    @TempDir Path other;

    @Test
    void buildingTheSameInputsTwiceGivesTheSameDigest() throws Exception {
        Skiff a = new Skiff(home);
        Skiff.Result first = a.run("build", "examples/hello");
        assertEquals(0, first.exitCode(), first.toString());
        assertTrue(first.stdout().matches("sha256:[0-9a-f]{64}\\n"), first.toString());
        Skiff.Result again = new Skiff(other).run("build", "examples/hello");
        assertEquals(first.stdout(), again.stdout());
        Skiff.Result artifact = a.run("build", "--artifact", "-t", "hello:artifact", "examples/hello");
        assertEquals(artifact.stdout(), new Skiff(other).run("build", "--artifact", "-t", "hello:artifact", "examples/hello").stdout());
        assertTrue(!artifact.stdout().equals(first.stdout()));
    }

    @Test
    void builtImageRunsWithItsManifestSettings() throws Exception {
        Skiff skiff = new Skiff(home);
        assertEquals(0, skiff.run("build", "-t", "greeter:v1", "examples/hello").exitCode());
        Skiff.Result run = skiff.run("run", "greeter:v1");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("arg[1]=world"), run.toString());
        assertTrue(run.stdout().contains("GREETING=hello from skiff.yaml"), run.toString());
        Skiff.Result overridden = skiff.run("run", "--env", "GREETING=hi", "greeter:v1", "--", "x");
        assertTrue(overridden.stdout().contains("arg[1]=x") && overridden.stdout().contains("GREETING=hi"), overridden.toString());

        Skiff.Result missing = skiff.run("run", "nothing:here");
        assertEquals(125, missing.exitCode());
        assertTrue(missing.stderr().contains("nothing:here: no such image in the local store"), missing.toString());
    }

    @Test
    void imagesInspectSaveLoadRmi() throws Exception {
        Skiff skiff = new Skiff(home);
        String digest = skiff.run("build", "examples/sleeper").stdout().strip();
        Skiff.Result images = skiff.run("images");
        assertTrue(images.stdout().contains("sleeper:1.0.0") && images.stdout().contains(digest.substring(7, 19)), images.toString());

        Skiff.Result inspect = skiff.run("inspect", "sleeper:1.0.0");
        assertTrue(inspect.stdout().contains("platform wasi/wasm") && inspect.stdout().contains("platform wasip1/wasm"), inspect.toString());
        assertTrue(inspect.stdout().contains("application/vnd.oci.image.layer.v1.tar+gzip"), inspect.toString());
        assertTrue(inspect.stdout().contains("restart:    on-failure"), inspect.toString());

        Path tar = home.resolve("sleeper.tar");
        assertEquals(0, skiff.run("save", "sleeper:1.0.0", "-o", tar.toString()).exitCode());
        Skiff elsewhere = new Skiff(other);
        Skiff.Result load = elsewhere.run("load", tar.toString());
        assertEquals("loaded sleeper:1.0.0\n", load.stdout(), load.toString());
        assertTrue(elsewhere.run("images").stdout().contains(digest.substring(7, 19)));

        Skiff.Result rmi = skiff.run("rmi", "sleeper:1.0.0");
        assertEquals(0, rmi.exitCode(), rmi.toString());
        assertTrue(rmi.stdout().contains("untagged sleeper:1.0.0"));
        try (var blobs = Files.list(home.resolve("images/blobs/sha256"))) {
            assertEquals(0, blobs.count(), "rmi leaves no unreferenced blobs");
        }
    }

    @Test
    void badAppFolderGetsAClearError() throws Exception {
        Files.writeString(home.resolve("skiff.yaml"), "name: x\nversion: 1\nmodul: x.wasm\n");
        Skiff.Result r = new Skiff(home).run("build", home.toString());
        assertEquals(125, r.exitCode());
        assertTrue(r.stderr().contains("3:1") && r.stderr().contains("modul"), r.toString());
    }
}
