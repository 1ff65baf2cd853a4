package dev.skiff.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.image.progress.ProgressEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {
    private static String render(boolean terminal) {
        StringWriter out = new StringWriter();
        ProgressPrinter p = new ProgressPrinter(new PrintWriter(out), terminal);
        p.on(new ProgressEvent.StepStarted("upload abc", 2048));
        p.on(new ProgressEvent.StepProgress("upload abc", 1024, 2048));
        p.on(new ProgressEvent.StepFinished("upload abc", "done"));
        p.on(new ProgressEvent.Note("pushed"));
        return out.toString();
    }

    @Test
    void plainOutputIsOneLinePerStartAndEnd() {
        assertEquals("upload abc (2 KiB) ...\nupload abc: done\npushed\n", render(false).replace(System.lineSeparator(), "\n"));
    }

    @Test
    void terminalOutputRedrawsABar() {
        String s = render(true);
        assertTrue(s.contains("\r\033[Kupload abc  [============            ] 1 KiB / 2 KiB"), s);
        assertTrue(s.contains("\r\033[Kupload abc  done\n"), s);
    }
}
