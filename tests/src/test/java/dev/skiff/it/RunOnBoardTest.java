package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code skiff run --board sim DIR}: an app folder with GPIO grants on the simulated board. */
class RunOnBoardTest {
    static final Pattern CHANGE = Pattern.compile("\\+\\d+\\.\\d{3}s GPIO17 LED -> (high|low)");

    @TempDir Path home;

    @Test
    void blinkyShowsEveryPinChangeWithATimestamp() throws Exception {
        String blinky = Skiff.ROOT.resolve("examples/blinky").toString();
        var r = Skiff.ok(new Skiff(home).run("run", "--board", "sim", blinky, "--", "4"));
        assertEquals("blinky: LED toggles every 200 ms\n", r.stdout());
        List<String> changes = r.stderr().lines().filter(line -> CHANGE.matcher(line).matches()).toList();
        assertEquals(4, changes.size(), r.toString());
        assertTrue(changes.getFirst().endsWith("-> high") && changes.getLast().endsWith("-> low"), r.toString());
    }

    @Test
    void anImageCarriesItsGrants() throws Exception {
        Skiff skiff = new Skiff(home);
        Skiff.ok(skiff.run("build", Skiff.ROOT.resolve("examples/blinky").toString(), "-t", "blinky:test"));
        var r = Skiff.ok(skiff.run("run", "--board", "sim", "blinky:test", "--", "2"));
        assertEquals(2, r.stderr().lines().filter(line -> CHANGE.matcher(line).matches()).count(), r.toString());
    }

    @Test
    void grantsWithoutABoardAreRefused() throws Exception {
        var r = new Skiff(home).run("run", Skiff.ROOT.resolve("examples/blinky").toString());
        assertEquals(125, r.exitCode(), r.toString());
        assertTrue(r.stderr().contains("is granted GPIO lines [LED]; run it on the simulated board with --board sim"), r.toString());
    }
}
