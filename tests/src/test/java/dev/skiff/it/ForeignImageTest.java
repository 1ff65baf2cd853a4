package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Images made without Skiff run with skiff run REF. */
class ForeignImageTest {
    @TempDir Path home;
    @TempDir Path work;

    @Test
    void skopeoCopiesAHandMadeImageStraightIntoTheStoreAndItRuns() throws Exception {
        Skiff skiff = new Skiff(home);
        assertEquals(0, skiff.run("images").exitCode()); // creates the store, an OCI layout skopeo can write to
        Path layout = ForeignImage.layout(work, "1", "from-skopeo");
        ForeignImage.run(work, "skopeo", "copy", "oci:" + layout + ":1", "oci:" + home.resolve("images") + ":docker.io/library/foreign:1");
        Skiff.Result run = skiff.run("run", "foreign:1");
        assertEquals(0, run.exitCode(), run.toString());
        assertTrue(run.stdout().contains("Hello from Skiff!") && run.stdout().contains("arg[1]=from-skopeo"), run.toString());
        Skiff.Result inspect = skiff.run("inspect", "foreign:1");
        assertTrue(inspect.stdout().contains("no skiff manifest (image made by another tool)"), inspect.toString());
    }

    @Test
    void aHandMadeImageCopiedToARegistryBySkopeoRunsFromThere(@TempDir Path registryDir) throws Exception {
        try (RegistryServer registry = RegistryServer.start(registryDir)) {
            Path layout = ForeignImage.layout(work, "3", "via-registry");
            String ref = registry.address() + "/others/foreign:3";
            ForeignImage.run(work, HostTools.require("skopeo", "skopeo"), "copy", "--dest-tls-verify=false", "oci:" + layout + ":3", "docker://" + ref);
            Skiff.Result run = new Skiff(home).run("run", ref);
            assertEquals(0, run.exitCode(), run.toString());
            assertTrue(run.stdout().contains("arg[1]=via-registry"), run.toString());
            assertTrue(run.stderr().contains("pulling " + ref + " (not in the local store)"), run.toString());
        }
    }

    @Test
    void aLayoutDirectoryLoadsUnderAGivenName() throws Exception {
        Skiff skiff = new Skiff(home);
        Path layout = ForeignImage.layout(work, "2", "loaded");
        Skiff.Result unnamed = skiff.run("load", layout.toString());
        assertEquals(125, unnamed.exitCode());
        assertTrue(unnamed.stderr().contains("named only by tag \"2\"; give a name with --tag"), unnamed.toString());
        assertEquals("loaded foreign:2\n", skiff.run("load", "--tag", "foreign", layout.toString()).stdout());
        assertTrue(skiff.run("run", "foreign:2").stdout().contains("arg[1]=loaded"));
    }
}
