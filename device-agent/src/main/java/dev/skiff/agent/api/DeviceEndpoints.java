package dev.skiff.agent.api;

import dev.skiff.agent.Agent;
import dev.skiff.protocols.api.DeviceInfo;
import dev.skiff.protocols.api.EnrollRequest;
import dev.skiff.runtime.Versions;
import java.io.IOException;
import java.util.Locale;

/** {@code /v1/enroll} and {@code /v1/info}: the device itself. */
final class DeviceEndpoints {
    private final Agent agent;

    DeviceEndpoints(Agent agent) {
        this.agent = agent;
    }

    void enroll(ApiExchange exchange) throws Exception {
        exchange.json(200, agent.enrollment().enroll(exchange.body(EnrollRequest.class)));
    }

    void info(ApiExchange exchange) throws IOException {
        String name = agent.enrollment().name().orElse(agent.config().deviceName());
        exchange.json(200, new DeviceInfo(name, System.getProperty("os.name").toLowerCase(Locale.ROOT), System.getProperty("os.arch"),
                Versions.skiff(), agent.config().memoryBudgetBytes(), agent.memoryReservedBytes()));
    }
}
