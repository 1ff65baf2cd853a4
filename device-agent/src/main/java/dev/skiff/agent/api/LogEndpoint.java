package dev.skiff.agent.api;

import dev.skiff.agent.Agent;
import dev.skiff.agent.logs.LogLine;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * {@code GET /v1/apps/{app}/logs[?follow=true]}: the stored lines, then (following) each new
 * line as its own chunk. A follower is registered before the stored lines are read, so no line
 * falls between the two; lines seen in both are sent once.
 */
final class LogEndpoint {
    /** Lines buffered for a client that reads slower than the app writes; past this, lines are dropped for it. */
    private static final int FOLLOW_BUFFER = 10_000;
    /** Only the newest stored lines can also reach the follower. */
    private static final int OVERLAP = 1_000;

    private final Agent agent;
    private final AppEndpoints apps;
    private final BooleanSupplier serving;

    LogEndpoint(Agent agent, AppEndpoints apps, BooleanSupplier serving) {
        this.agent = agent;
        this.apps = apps;
        this.serving = serving;
    }

    void logs(ApiExchange exchange) throws Exception {
        String app = apps.existingApp(exchange);
        if (!exchange.flag("follow")) {
            try (OutputStream out = exchange.text()) {
                write(out, agent.logs(app));
            }
            return;
        }
        BlockingQueue<LogLine> queue = new LinkedBlockingQueue<>(FOLLOW_BUFFER);
        try (AutoCloseable follower = agent.followLogs(app, queue::offer); OutputStream out = exchange.text()) {
            List<LogLine> stored = agent.logs(app);
            Set<LogLine> overlap = new HashSet<>(stored.subList(Math.max(0, stored.size() - OVERLAP), stored.size()));
            write(out, stored);
            // A client that went away is noticed at the next write; the server stopping ends every follower.
            while (serving.getAsBoolean()) {
                LogLine line = queue.poll(500, TimeUnit.MILLISECONDS);
                if (line != null && !overlap.remove(line)) {
                    write(out, List.of(line));
                }
            }
        }
    }

    private static void write(OutputStream out, List<LogLine> lines) throws IOException {
        StringBuilder text = new StringBuilder();
        lines.forEach(l -> text.append(l.format()).append('\n'));
        out.write(text.toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
    }
}
