package dev.skiff.agent.api;

import dev.skiff.agent.Agent;
import dev.skiff.agent.metrics.AgentMetrics;
import dev.skiff.agent.metrics.PrometheusText;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /metrics}: the agent's metrics for Prometheus. Operator-only like every route but
 * enrollment, so Prometheus scrapes it with a client certificate of the fleet CA (the operator's,
 * or one issued for it).
 */
final class MetricsEndpoint {
    private final AgentMetrics metrics;

    MetricsEndpoint(Agent agent) {
        this.metrics = new AgentMetrics(agent);
    }

    void scrape(ApiExchange exchange) throws IOException {
        exchange.bytes(200, PrometheusText.CONTENT_TYPE, metrics.scrape().getBytes(StandardCharsets.UTF_8));
    }
}
