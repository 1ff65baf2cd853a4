package dev.skiff.agent.metrics;

import dev.skiff.agent.Agent;
import dev.skiff.agent.events.EventKind;
import dev.skiff.agent.metrics.PrometheusText.Type;
import dev.skiff.agent.supervisor.ContainerStatus;
import dev.skiff.runtime.ContainerState;
import dev.skiff.runtime.Versions;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code GET /metrics} answers: the agent's state read at scrape time (containers from the
 * supervisor, deploy outcomes from the event log, the memory budget), nothing kept in between,
 * so the figures cannot drift from what {@code ps} and {@code history} say.
 */
public final class AgentMetrics {
    /** The values {@code skiff_containers} always lists, zero or not, so a state never vanishes from a graph. */
    static final List<String> STATES = List.of("running", "exited", "killed", "failed", "restarting");

    private final Agent agent;

    public AgentMetrics(Agent agent) {
        this.agent = agent;
    }

    /** One scrape, in the text exposition format. */
    public String scrape() {
        List<ContainerStatus> containers = agent.ps();
        PrometheusText out = new PrometheusText();
        containersByState(out, containers);
        perContainer(out, containers);
        deploys(out, agent.eventCounts());
        out.family("skiff_memory_budget_bytes", Type.GAUGE, "Memory the agent lets containers reserve (memory-budget).")
                .sample(agent.config().memoryBudgetBytes());
        out.family("skiff_memory_reserved_bytes", Type.GAUGE, "Memory the running containers have reserved of the budget.")
                .sample(agent.memoryReservedBytes());
        out.family("skiff_agent_info", Type.GAUGE, "The agent's version and wasm engine; always 1.")
                .sample(labels("version", Versions.skiff(), "engine", "chicory-" + Versions.chicory()), 1);
        return out.toString();
    }

    private static void containersByState(PrometheusText out, List<ContainerStatus> containers) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        STATES.forEach(s -> counts.put(s, 0));
        containers.forEach(c -> counts.merge(stateOf(c), 1, Integer::sum));
        out.family("skiff_containers", Type.GAUGE, "Supervised containers by the state of their latest run.");
        counts.forEach((state, n) -> out.sample(labels("state", state), n));
    }

    private static void perContainer(PrometheusText out, List<ContainerStatus> containers) {
        out.family("skiff_container_restarts_total", Type.COUNTER, "Restarts of a release's container by its restart policy.");
        containers.forEach(c -> out.sample(appRelease(c), c.restarts()));
        out.family("skiff_container_memory_limit_bytes", Type.GAUGE, "The container's memory limit (resources.memory).");
        containers.forEach(c -> out.sample(appRelease(c), c.memoryLimitBytes()));
        out.family("skiff_container_cpu_seconds_total", Type.COUNTER, "CPU time of all runs of a release's container.");
        containers.forEach(c -> out.sample(appRelease(c), c.cpuTime().toNanos() / 1e9));
    }

    private static void deploys(PrometheusText out, Map<EventKind, Long> events) {
        out.family("skiff_deploys_total", Type.COUNTER, "Deploys by outcome, since the agent's data directory was created.");
        for (DeployOutcome outcome : DeployOutcome.values()) {
            out.sample(labels("outcome", outcome.label()), events.getOrDefault(outcome.event, 0L));
        }
    }

    /** A container waiting out its backoff is "restarting", whatever its last run ended in. */
    static String stateOf(ContainerStatus status) {
        if (status.restarting()) {
            return "restarting";
        }
        return switch (status.state()) {
            // a supervised container is started as it is created, so Created is only ever a moment of Running
            case ContainerState.Created c -> "running";
            case ContainerState.Running r -> "running";
            case ContainerState.Exited e -> "exited";
            case ContainerState.Killed k -> "killed";
            case ContainerState.Failed f -> "failed";
        };
    }

    private static Map<String, String> appRelease(ContainerStatus c) {
        return labels("app", c.app(), "release", Long.toString(c.releaseId()));
    }

    private static Map<String, String> labels(String... namesAndValues) {
        Map<String, String> labels = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            labels.put(namesAndValues[i], namesAndValues[i + 1]);
        }
        return labels;
    }
}
