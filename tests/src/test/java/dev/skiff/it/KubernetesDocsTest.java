package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** docs/kubernetes.md: containerd itself must understand the configuration it tells users to write. */
class KubernetesDocsTest {
    static final Path DOC = Skiff.ROOT.resolve("docs/kubernetes.md");

    @Test
    void containerdUnderstandsTheRuntimeConfiguration(@TempDir Path dir) throws Exception {
        String doc = Files.readString(DOC);
        Matcher toml = Pattern.compile("```toml\n(.*?)```", Pattern.DOTALL).matcher(doc);
        assertTrue(toml.find(), "docs/kubernetes.md has a ```toml block");
        String snippet = toml.group(1);
        Path config = Files.writeString(dir.resolve("config.toml"), snippet);

        var dump = ExternalProcess.run(dir, List.of(HostTools.require("containerd", "containerd"), "--config", config.toString(), "config", "dump"));
        assertEquals(0, dump.exitCode(), dump.output());
        // The dump re-encodes what containerd decoded: a misspelt table or key would not come back.
        String table = "[plugins.\"io.containerd.grpc.v1.cri\".containerd.runtimes.skiff]";
        assertTrue(snippet.contains(table), snippet);
        String section = dump.output().substring(dump.output().indexOf(table));
        for (String line : snippet.substring(snippet.indexOf(table) + table.length()).strip().split("\n")) {
            assertTrue(section.contains(line.strip()), "containerd did not take '" + line.strip() + "':\n" + section);
        }
        assertTrue(section.contains("runtime_type = \"io.containerd.skiff.v1\""), section);

        assertTrue(doc.contains("handler: skiff"), "the RuntimeClass names the runtime table's name");
        assertTrue(doc.contains("{{ template \"base\" . }}\n\n" + table + "\n  runtime_type = \"io.containerd.skiff.v1\""),
                "the k3s template adds the same section");
    }
}
