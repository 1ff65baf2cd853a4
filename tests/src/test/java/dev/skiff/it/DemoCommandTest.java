package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The README's first command: {@code ./skiff demo} runs Skiff's main job end to end. */
class DemoCommandTest {
    @TempDir Path home;

    @Test
    void theDemoEnrollsDeploysASignedAppAndStreamsItsOutput() throws Exception {
        Skiff.Result r = Skiff.ok(new Skiff(home).run("demo", "--seconds", "3"));
        String out = r.stdout();
        assertTrue(out.contains("trust policy: reject-unsigned"), r.toString());
        assertTrue(out.contains("enrolled the agent as device 'demo'"), r.toString());
        assertTrue(out.contains("and signed it with a new key"), r.toString());
        assertTrue(out.contains("deployed sleeper r1: it passed its health check and is running"), r.toString());
        assertTrue(out.matches("(?s).*\\d{4}-\\d\\d-\\d\\dT[^ ]+Z stdout tick 2\\n.*"), "streamed timestamped output: " + r);
        assertTrue(out.contains("demo: stopped the agent"), r.toString());
    }
}
