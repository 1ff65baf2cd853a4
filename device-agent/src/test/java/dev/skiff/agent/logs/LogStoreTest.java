package dev.skiff.agent.logs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogStoreTest {
    private static final Pattern STORED = Pattern.compile("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z (stdout|stderr) .*");

    @TempDir Path dir;

    @Test
    void linesAreStoredWithTheirTimeAndStream() throws Exception {
        LogStore store = new LogStore(dir, 1 << 20, 3);
        try (OutputStream out = store.writer("app", "stdout"); OutputStream err = store.writer("app", "stderr")) {
            out.write("tick 1\ntick".getBytes(StandardCharsets.UTF_8));
            err.write("oops\r\n".getBytes(StandardCharsets.UTF_8));
            out.write(" 2\nno newline".getBytes(StandardCharsets.UTF_8));
        }
        List<String> stored = Files.readAllLines(store.file("app", 0));
        assertTrue(stored.stream().allMatch(l -> STORED.matcher(l).matches()), stored.toString());
        List<LogLine> lines = store.read("app");
        assertEquals(List.of("stdout tick 1", "stderr oops", "stdout tick 2", "stdout no newline"),
                lines.stream().map(l -> l.stream() + " " + l.text()).toList());
    }

    @Test
    void rotatesAtTheSizeAndKeepsTheConfiguredNumberOfFiles() throws Exception {
        LogStore store = new LogStore(dir, 200, 2);
        try (OutputStream out = store.writer("app", "stdout")) {
            for (int i = 1; i <= 50; i++) {
                out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
            }
        }
        for (int i = 0; i <= 2; i++) {
            assertTrue(Files.size(store.file("app", i)) <= 200, "file " + i + " is within the size");
        }
        assertFalse(Files.exists(store.file("app", 3)));
        List<String> texts = store.read("app").stream().map(LogLine::text).toList();
        assertEquals("line 50", texts.getLast());
        assertTrue(texts.size() < 50 && texts.size() >= 12, texts.size() + " lines kept");
        int first = Integer.parseInt(texts.getFirst().substring(5));
        assertEquals(texts, java.util.stream.IntStream.rangeClosed(first, 50).mapToObj(i -> "line " + i).toList(), "oldest first, none lost in between");
    }

    @Test
    void followersSeeNewLinesUntilTheyStop() throws Exception {
        LogStore store = new LogStore(dir, 1 << 20, 1);
        List<String> seen = new ArrayList<>();
        try (OutputStream out = store.writer("app", "stdout")) {
            out.write("before\n".getBytes(StandardCharsets.UTF_8));
            try (AutoCloseable following = store.follow("app", line -> seen.add(line.text()))) {
                out.write("during\n".getBytes(StandardCharsets.UTF_8));
            }
            out.write("after\n".getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(List.of("during"), seen);
    }

    @Test
    void aLineWithoutNewlineIsCutAtTheMaximum() throws Exception {
        LogStore store = new LogStore(dir, 1 << 20, 1);
        try (OutputStream out = store.writer("app", "stdout")) {
            out.write(new byte[LineSplitter.MAX_LINE + 10]);
        }
        List<LogLine> lines = store.read("app");
        assertEquals(List.of(LineSplitter.MAX_LINE, 10), lines.stream().map(l -> l.text().length()).toList());
    }
}
