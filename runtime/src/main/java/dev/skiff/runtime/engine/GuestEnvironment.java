package dev.skiff.runtime.engine;

import dev.skiff.runtime.capability.HostModule;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

/**
 * Everything an instance is linked against: WASI state, its memory ceiling and the host modules
 * its grants allow. Nothing outside this reaches the guest.
 *
 * @param memoryLimitBytes ceiling for linear memory; growing past it ends the guest
 * @param maxOpenFiles descriptors the guest may hold open at once, stdio included
 */
public record GuestEnvironment(
        List<String> args,
        Map<String, String> env,
        List<Mount> mounts,
        InputStream stdin,
        OutputStream stdout,
        OutputStream stderr,
        long memoryLimitBytes,
        int maxOpenFiles,
        List<HostModule> hostModules) {

    public GuestEnvironment {
        args = List.copyOf(args);
        env = Map.copyOf(env);
        mounts = List.copyOf(mounts);
        hostModules = List.copyOf(hostModules);
    }
}
