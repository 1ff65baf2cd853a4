package dev.skiff.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.skiff.runtime.engine.Mount;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class MountsTest {

    @Test
    void guestPathDefaultsToTheHostDirectorysName() {
        assertEquals("/data", Mount.parse("/srv/app/data").guestPath());
        assertEquals("/work", Mount.parse("/srv/app/data:/work").guestPath());
        assertEquals("/", Mount.parse("/srv/app/data:/").guestPath());
        assertEquals("/x", Mount.parse("/srv/app/data:x").guestPath());
        assertEquals(Path.of("/srv/app/data"), Mount.parse("/srv/app/data:/").hostDir());
    }
}
