package dev.skiff.workbench.board;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SerialTextTest {
    @Test
    void aCharacterSplitAcrossWritesAppearsOnceWhole() {
        byte[] bytes = "día".getBytes(StandardCharsets.UTF_8); // í is two bytes
        SerialText text = new SerialText();
        assertEquals("d", text.decode(Arrays.copyOfRange(bytes, 0, 2)));
        assertEquals("ía", text.decode(Arrays.copyOfRange(bytes, 2, bytes.length)));
    }

    @Test
    void invalidBytesShowAsReplacementCharacters() {
        assertEquals("a\uFFFDb", new SerialText().decode(new byte[] {'a', (byte) 0xff, 'b'}));
    }

    @Test
    void aTypedLineSendsItsTextAndANewline() {
        assertArrayEquals("héllo\n".getBytes(StandardCharsets.UTF_8), SerialText.encode("héllo"));
    }
}
