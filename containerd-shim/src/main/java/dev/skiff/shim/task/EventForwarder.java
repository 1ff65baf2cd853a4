package dev.skiff.shim.task;

import dev.skiff.shim.proto.TaskEvents;
import dev.skiff.shim.proto.Timestamp;
import dev.skiff.shim.ttrpc.TtrpcClient;
import dev.skiff.shim.ttrpc.TtrpcException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Forwards task events to containerd's events service over ttrpc ({@code TTRPC_ADDRESS}), in the
 * order they happened, on one thread so no RPC answer waits for containerd. A broken connection
 * is reopened once per event; an event containerd refuses is logged and dropped.
 */
public final class EventForwarder implements AutoCloseable {
    static final String SERVICE = "containerd.services.events.ttrpc.v1.Events";
    /** The ttrpc metadata key containerd reads a request's namespace from. */
    static final String NAMESPACE_KEY = "containerd-namespace-ttrpc";

    private final Optional<Path> address;
    private final String namespace;
    private final Consumer<String> log;
    private final ExecutorService queue = Executors.newSingleThreadExecutor(r -> Thread.ofPlatform().name("events").daemon().unstarted(r));
    private TtrpcClient client;

    /** @param address containerd's ttrpc socket; empty when the shim runs without containerd (events are only logged) */
    public EventForwarder(Optional<Path> address, String namespace, Consumer<String> log) {
        this.address = address;
        this.namespace = namespace;
        this.log = log;
    }

    void publish(TaskEvents.Event event) {
        Timestamp now = Timestamp.of(Instant.now());
        queue.execute(() -> forward(TaskEvents.forwardRequest(now, namespace, event), event.topic()));
    }

    private void forward(byte[] request, String topic) {
        if (address.isEmpty()) {
            log.accept("event " + topic + " (no TTRPC_ADDRESS: not forwarded)");
            return;
        }
        for (int attempt = 1; attempt <= 2; attempt++) {
            try {
                if (client == null) {
                    client = TtrpcClient.connect(address.get());
                }
                client.call(SERVICE, "Forward", request, Map.of(NAMESPACE_KEY, namespace));
                return;
            } catch (IOException e) {
                closeClient();
                if (attempt == 2) {
                    log.accept("event " + topic + " lost: containerd's events service at " + address.get() + " unreachable: " + e.getMessage());
                }
            } catch (TtrpcException e) {
                log.accept("event " + topic + " refused by containerd: " + e.getMessage());
                return;
            }
        }
    }

    private void closeClient() {
        if (client != null) {
            try {
                client.close();
            } catch (IOException e) {
                // already broken
            }
            client = null;
        }
    }

    /** Sends what is queued (for up to five seconds), then disconnects. */
    @Override
    public void close() throws InterruptedException {
        queue.shutdown();
        queue.awaitTermination(5, TimeUnit.SECONDS);
        closeClient();
    }
}
