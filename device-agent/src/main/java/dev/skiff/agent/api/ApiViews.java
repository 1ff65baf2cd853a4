package dev.skiff.agent.api;

import dev.skiff.agent.state.Release;
import dev.skiff.agent.supervisor.ContainerStatus;
import dev.skiff.protocols.api.ContainerInfo;
import dev.skiff.protocols.api.ReleaseInfo;
import java.time.Instant;
import java.util.Locale;

/** The agent's records as the API shows them. */
final class ApiViews {
    private ApiViews() {}

    static ContainerInfo container(ContainerStatus s) {
        String state = s.state().getClass().getSimpleName().toLowerCase(Locale.ROOT);
        return new ContainerInfo(s.name(), s.app(), s.releaseId(), state, s.state().describe(), s.restarting(), s.restarts(),
                s.memoryLimitBytes(), s.cpuTime().toMillis());
    }

    static ReleaseInfo release(Release r) {
        return new ReleaseInfo(r.id(), r.app(), r.image().toString(), r.state().name(), r.detail(), text(r.createdAt()), text(r.finishedAt()));
    }

    private static String text(Instant at) {
        return at == null ? null : at.toString();
    }
}
