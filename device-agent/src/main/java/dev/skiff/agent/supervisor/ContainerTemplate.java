package dev.skiff.agent.supervisor;

import dev.skiff.protocols.manifest.AppManifest.Restart;
import dev.skiff.protocols.manifest.CapabilityGrants;
import dev.skiff.runtime.Limits;
import dev.skiff.runtime.PreparedModule;
import dev.skiff.runtime.engine.Mount;
import java.util.List;
import java.util.Map;

/**
 * Everything needed to start a release's container again and again: each restart is a fresh
 * container from the same prepared module.
 *
 * @param argv program name first
 * @param grants the capabilities each of its containers is linked with (and claims at admission)
 */
public record ContainerTemplate(String app, long releaseId, PreparedModule module, List<String> argv, Map<String, String> env,
        List<Mount> mounts, Limits limits, Restart restart, CapabilityGrants grants) {

    public ContainerTemplate {
        argv = List.copyOf(argv);
        env = Map.copyOf(env);
        mounts = List.copyOf(mounts);
    }

    /** The container's name: app and release, e.g. {@code sleeper/r3}. */
    public String name() {
        return app + "/r" + releaseId;
    }
}
