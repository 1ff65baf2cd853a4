package dev.skiff.image;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AppFolderTest {
    @TempDir Path dir;

    @Test
    void createMakesAnAppFolderOfAModuleNamedAfterIt() throws Exception {
        Path wasm = Files.copy(TestApps.example("hello").resolve("hello.wasm"), dir.resolve("My Probe_2.wasm"));
        AppFolder folder = AppFolder.create(wasm);
        assertEquals("my-probe_2", folder.app().name());
        assertEquals("0.1.0", folder.app().version());
        assertEquals("My Probe_2.wasm", folder.app().module());
        assertTrue(folder.app().capabilities().isEmpty(), "no grants until the developer adds them");
        assertArrayEquals(Files.readAllBytes(wasm), folder.wasm());
        assertEquals(folder.app(), AppFolder.read(dir).app(), "the folder opens as any app folder");
    }

    @Test
    void createRefusesToReplaceASkiffYaml() throws Exception {
        Path app = TestApps.helloCopy(dir);
        String before = Files.readString(app.resolve("skiff.yaml"));
        var e = assertThrows(FileAlreadyExistsException.class, () -> AppFolder.create(app.resolve("hello.wasm")));
        assertTrue(e.getMessage().contains("open the folder instead"), e.getMessage());
        assertEquals(before, Files.readString(app.resolve("skiff.yaml")));
    }
}
