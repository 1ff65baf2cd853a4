package dev.skiff.it;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

/** Programs from Debian packages that the cross-process tests drive. */
final class HostTools {
    private HostTools() {}

    /**
     * The program's path. A missing one fails the test (it never skips, so CI cannot pass without it)
     * and names the package that provides it.
     */
    static String require(String program, String debianPackage) {
        // daemons (mosquitto) live in sbin, which a non-login PATH may lack
        String path = System.getenv().getOrDefault("PATH", "/usr/bin:/bin") + File.pathSeparator + "/usr/sbin" + File.pathSeparator + "/sbin";
        for (String dir : path.split(File.pathSeparator)) {
            Path candidate = Path.of(dir, program);
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        throw new AssertionError(program + " is not installed: apt-get install " + debianPackage
                + " (scripts/test installs it when run as root)");
    }
}
