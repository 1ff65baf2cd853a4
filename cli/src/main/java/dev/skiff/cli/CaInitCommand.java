package dev.skiff.cli;

import dev.skiff.agent.pki.FleetCa;
import dev.skiff.agent.pki.KeyPin;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "init",
        description = {
            "Make a fleet CA (ECDSA P-256, self-signed) and an operator client certificate signed by it:"
                    + " ca.pem, ca.key, operator.pem, operator.key (keys PEM, mode 0600).",
            "Devices enrolled with this CA answer only clients it signed. An existing CA is never replaced."
        },
        mixinStandardHelpOptions = true,
        sortOptions = false)
final class CaInitCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where to put the CA (default: $SKIFF_HOME/ca).")
    Path dir;

    @Option(names = "--name", paramLabel = "NAME", description = "The CA's common name (default: ${DEFAULT-VALUE}).")
    String name = "skiff fleet CA";

    @Override
    public Integer call() throws Exception {
        FleetCa ca = FleetCa.init(dir != null ? dir : SkiffHome.caDir(), name);
        PrintWriter out = spec.commandLine().getOut();
        out.println("fleet CA:             " + ca.dir().resolve("ca.pem") + " (key ca.key, mode 0600: keep it secret)");
        out.println("operator certificate: " + ca.dir().resolve("operator.pem") + " (key operator.key)");
        out.println("CA key:               " + KeyPin.of(ca.certificate().getPublicKey()));
        out.flush();
        return 0;
    }
}
