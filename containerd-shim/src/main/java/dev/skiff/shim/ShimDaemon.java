package dev.skiff.shim;

import dev.skiff.runtime.Sandbox;
import dev.skiff.shim.task.EventForwarder;
import dev.skiff.shim.task.TaskService;
import dev.skiff.shim.ttrpc.TtrpcServer;
import dev.skiff.shim.ttrpc.TtrpcException;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The {@code serve} action: the long-lived shim of one pod. It serves containerd's Task API on
 * its socket, runs every guest of the pod in this JVM, and exits when containerd shuts it down
 * after the last task was deleted.
 */
final class ShimDaemon {
    /** Compiled modules are cached here across daemons (overridable, e.g. for tests). */
    static final String CACHE_ENV = "SKIFF_SHIM_CACHE";
    static final Path DEFAULT_CACHE = Path.of("/var/cache/skiff-shim");

    private ShimDaemon() {}

    /** With {@code -debug} (containerd's debug level), every call goes to the log with its duration. */
    private static TtrpcServer.Method logged(String name, TtrpcServer.Method method, Consumer<String> log) {
        return request -> {
            long t0 = System.nanoTime();
            try {
                return method.call(request);
            } catch (TtrpcException e) {
                log.accept(name + " failed: " + e.getMessage());
                throw e;
            } finally {
                log.accept(name + " took " + (System.nanoTime() - t0) / 1_000_000 + " ms");
            }
        };
    }

    static void serve(ShimFlags flags) throws IOException, InterruptedException {
        flags.require("namespace", "socket");
        long pid = ProcessHandle.current().pid();
        Consumer<String> log = line -> System.err.println(Instant.now() + " skiff-shim[" + pid + "] " + line);
        Path socket = Path.of(flags.socket());
        // Killed (not shut down by containerd): leave no socket that a later start would mistake for a daemon.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                Files.deleteIfExists(socket);
                Files.deleteIfExists(ShimStarter.lockOf(socket));
            } catch (IOException e) {
                // the next start replaces a stale socket anyway
            }
        }));
        Optional<Path> containerd = Optional.ofNullable(System.getenv("TTRPC_ADDRESS"))
                .filter(a -> !a.isEmpty())
                .map(a -> Path.of(a.replaceFirst("^unix://", "")));
        Path cache = Optional.ofNullable(System.getenv(CACHE_ENV)).filter(c -> !c.isEmpty()).map(Path::of).orElse(DEFAULT_CACHE);
        try (Sandbox sandbox = Sandbox.withCompileCache(cache);
                EventForwarder events = new EventForwarder(containerd, flags.namespace(), log)) {
            TaskService service = new TaskService(sandbox, events, log);
            Map<String, TtrpcServer.Method> methods = service.methods();
            if (flags.debug()) {
                methods.replaceAll((name, method) -> logged(name, method, log));
            }
            try (TtrpcServer server = TtrpcServer.start(socket, methods, log)) {
                if (flags.debug()) {
                    log.accept("serving " + flags.id() + " on " + socket + ", ready " + ManagementFactory.getRuntimeMXBean().getUptime() + " ms after JVM start");
                }
                service.awaitShutdown();
            }
        }
    }
}
