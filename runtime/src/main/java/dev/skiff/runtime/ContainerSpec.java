package dev.skiff.runtime;

import dev.skiff.runtime.capability.HostModule;
import dev.skiff.runtime.engine.Mount;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * What to run a prepared module with.
 *
 * @param args argv, program name first
 * @param capabilities host modules produced by the container's grants; nothing else is linked
 */
public record ContainerSpec(
        String name,
        List<String> args,
        Map<String, String> env,
        List<Mount> mounts,
        InputStream stdin,
        OutputStream stdout,
        OutputStream stderr,
        Limits limits,
        List<HostModule> capabilities) {

    public ContainerSpec {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        mounts = List.copyOf(mounts);
        capabilities = List.copyOf(capabilities);
        if (args.isEmpty()) {
            throw new IllegalArgumentException("args must start with the program name");
        }
        long distinct = mounts.stream().map(Mount::guestPath).distinct().count();
        if (distinct != mounts.size()) {
            throw new IllegalArgumentException("two mapped directories share one guest path");
        }
    }

    /** A spec with no stdin, output discarded, default limits and no capabilities. */
    public static ContainerSpec of(String name, List<String> args) {
        return new ContainerSpec(
                name,
                args,
                Map.of(),
                List.of(),
                InputStream.nullInputStream(),
                OutputStream.nullOutputStream(),
                OutputStream.nullOutputStream(),
                Limits.DEFAULT,
                List.of());
    }
}
