package dev.skiff.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The containerd shim under a real containerd 1.6: images built by {@code skiff build}, saved
 * with {@code skiff save} and imported with {@code ctr images import}, run with
 * {@code ctr run --runtime io.containerd.skiff.v1}.
 */
class ShimTest {
    static final String RUNTIME = "io.containerd.skiff.v1";

    @TempDir
    static Path dir;
    static ContainerdServer containerd;
    static Path archive;

    @BeforeAll
    static void startContainerdWithImages() throws Exception {
        Skiff skiff = new Skiff(Files.createDirectories(dir.resolve("home")));
        for (String app : List.of("hello", "sleeper", "membomb")) {
            Skiff.ok(skiff.run("build", "-t", app + ":1", "examples/" + app));
        }
        archive = dir.resolve("images.tar");
        Skiff.ok(skiff.run("save", "-o", archive.toString(), "hello:1", "sleeper:1", "membomb:1"));
        containerd = ContainerdServer.startWithShim(dir.resolve("containerd"));
        var imported = containerd.ctr("images", "import", "--platform", "wasi/wasm", "--snapshotter", ContainerdServer.SNAPSHOTTER,
                archive.toString());
        assertEquals(0, imported.exitCode(), imported.output());
    }

    @AfterAll
    static void stopContainerd() throws Exception {
        if (containerd != null) {
            containerd.close();
        }
    }

    /** {@code ctr run --rm} of a wasm image with the Skiff runtime. */
    static String[] run(String image, String id, String... options) {
        List<String> args = new ArrayList<>(List.of("run", "--rm", "--platform", "wasi/wasm", "--snapshotter",
                ContainerdServer.SNAPSHOTTER, "--runtime", RUNTIME));
        args.addAll(List.of(options));
        args.addAll(List.of("docker.io/library/" + image, id));
        return args.toArray(String[]::new);
    }

    @Test
    void runsASkiffBuiltImageShowingItsOutputAndExitCodeAndForwardsTaskEvents() throws Exception {
        Path events = dir.resolve("events.out");
        Process subscriber = containerd.startCtr(events, "events");
        try {
            var result = containerd.ctr(run("hello:1", "hello-run", "--env", "EXIT_CODE=3"));
            assertEquals(3, result.exitCode(), result.output() + containerd.log());
            assertTrue(result.output().contains("Hello from Skiff!\narg[1]=world\nGREETING=hello from skiff.yaml\n"), result.output());
            // containerd publishes none of these itself for a runtime v2 task: they come from the shim
            for (String topic : List.of("/tasks/create", "/tasks/start", "/tasks/exit", "/tasks/delete")) {
                awaitOutput(events, topic + " {\"container_id\":\"hello-run\"");
            }
            assertTrue(Files.readString(events).matches("(?s).*/tasks/exit \\{[^\\n]*\"exit_status\":3.*"), Files.readString(events));
        } finally {
            subscriber.destroy();
        }

        var clean = containerd.ctr(run("hello:1", "hello-zero"));
        assertEquals(0, clean.exitCode(), clean.output());
        awaitNoShim();
    }

    @Test
    void sigtermAndSigkillStopASleepingGuest() throws Exception {
        assertEquals(143, runThenKill("sleeper-term", "SIGTERM"));
        assertEquals(137, runThenKill("sleeper-kill", "SIGKILL"));
        awaitNoShim();
    }

    private int runThenKill(String id, String signal) throws Exception {
        Path output = dir.resolve(id + ".out");
        Process run = containerd.startCtr(output, run("sleeper:1", id, "--env", "UNUSED=1"));
        try {
            awaitOutput(output, "tick 1");
            var kill = containerd.ctr("task", "kill", "--signal", signal, id);
            assertEquals(0, kill.exitCode(), kill.output());
            assertTrue(run.waitFor(30, TimeUnit.SECONDS), "ctr run did not end after " + signal + ":\n" + Files.readString(output));
            return run.exitValue();
        } finally {
            run.destroyForcibly();
        }
    }

    @Test
    void twentyContainersInParallelCompleteAndLeaveNoShim() throws Exception {
        int n = 20;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            List<Future<ExternalProcess.Result>> runs = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                String[] args = run("hello:1", "parallel-" + i, "--env", "EXIT_CODE=" + (i % 7));
                runs.add(pool.submit(() -> containerd.ctr(args)));
            }
            for (int i = 0; i < n; i++) {
                var result = runs.get(i).get(120, TimeUnit.SECONDS);
                assertEquals(i % 7, result.exitCode(), "container " + i + ": " + result.output());
                assertTrue(result.output().contains("Hello from Skiff!"), "container " + i + ": " + result.output());
            }
        } finally {
            pool.shutdownNow();
        }
        awaitNoShim();
        var containers = containerd.ctr("containers", "ls", "-q");
        assertEquals("", containers.output().strip(), "every container was removed");
    }

    @Test
    void theSpecsMemoryLimitStopsAMemoryBombAndContainerdCarriesOn() throws Exception {
        var bomb = containerd.ctr(run("membomb:1", "bomb", "--memory-limit", String.valueOf(32L << 20)));
        assertEquals(137, bomb.exitCode(), bomb.output());
        assertTrue(bomb.output().contains("grown_mib=16"), "it grew up to the limit: " + bomb.output());
        assertTrue(bomb.output().contains("memory limit of 32 MiB reached"), bomb.output());

        var after = containerd.ctr(run("hello:1", "after-bomb"));
        assertEquals(0, after.exitCode(), after.output());
        assertEquals(0, containerd.ctr("version").exitCode());
        awaitNoShim();
    }

    @Test
    void containersOfOnePodShareOneShim() throws Exception {
        String pod = "io.kubernetes.cri.sandbox-id=pod-a";
        String[] detached = {"run", "-d", "--platform", "wasi/wasm", "--snapshotter", ContainerdServer.SNAPSHOTTER, "--runtime", RUNTIME};
        var sandbox = containerd.ctr(Stream.concat(Stream.of(detached), Stream.of("--annotation", pod,
                "--annotation", "io.kubernetes.cri.container-type=sandbox", "docker.io/library/sleeper:1", "pod-a")).toArray(String[]::new));
        assertEquals(0, sandbox.exitCode(), sandbox.output());
        var app = containerd.ctr(Stream.concat(Stream.of(detached), Stream.of("--annotation", pod,
                "--annotation", "io.kubernetes.cri.container-type=container", "docker.io/library/sleeper:1", "pod-a-app")).toArray(String[]::new));
        assertEquals(0, app.exitCode(), app.output());

        assertEquals(1, shims().size(), "one shim serves the pod: " + shims());
        String tasks = containerd.ctr("task", "ls").output();
        long shimPid = shims().getFirst().pid();
        assertTrue(tasks.matches("(?s).*pod-a\\s+" + shimPid + "\\s+RUNNING.*") && tasks.matches("(?s).*pod-a-app\\s+" + shimPid + "\\s+RUNNING.*"), tasks);

        var metrics = containerd.ctr("task", "metrics", "pod-a-app");
        assertEquals(0, metrics.exitCode(), metrics.output());
        assertTrue(metrics.output().matches("(?s).*cpuacct.usage\\s+[1-9]\\d*\\s.*"), "the guest's CPU time: " + metrics.output());
        var exec = containerd.ctr("task", "exec", "--exec-id", "e1", "pod-a-app", "/app.wasm");
        assertTrue(exec.exitCode() != 0 && exec.output().contains("containerd.task.v2.Task/Exec is not implemented by this shim"), exec.output());

        for (String id : List.of("pod-a-app", "pod-a")) {
            assertEquals(0, containerd.ctr("task", "kill", "--signal", "SIGKILL", id).exitCode());
            awaitStopped(id);
            var deleted = containerd.ctr("task", "delete", id);
            assertEquals(0, deleted.exitCode(), deleted.output());
            assertEquals(0, containerd.ctr("containers", "delete", id).exitCode());
        }
        awaitNoShim();
    }

    @Test
    void anOverlayRootfsIsMountedForTheTaskAndUnmountedAtDelete() throws Exception {
        var imported = containerd.ctr("images", "import", "--platform", "wasi/wasm", "--snapshotter", "overlayfs", archive.toString());
        assertEquals(0, imported.exitCode(), imported.output());
        var started = containerd.ctr("run", "-d", "--platform", "wasi/wasm", "--snapshotter", "overlayfs", "--runtime", RUNTIME,
                "docker.io/library/sleeper:1", "overlaid");
        assertEquals(0, started.exitCode(), "overlay mounts must work here (kernel overlayfs, root): " + started.output());
        String rootfs = containerd.stateDir().resolve("io.containerd.runtime.v2.task/default/overlaid/rootfs").toString();
        assertTrue(Files.readString(Path.of("/proc/self/mountinfo")).matches("(?s).* " + rootfs + " [^\n]* - overlay .*"),
                "the shim mounted the overlay on the bundle's rootfs");

        assertEquals(0, containerd.ctr("task", "kill", "--signal", "SIGKILL", "overlaid").exitCode());
        awaitStopped("overlaid");
        assertEquals(0, containerd.ctr("task", "delete", "overlaid").exitCode());
        assertTrue(!Files.readString(Path.of("/proc/self/mountinfo")).contains(" " + rootfs + " "), "unmounted at delete");
        assertEquals(0, containerd.ctr("containers", "delete", "overlaid").exitCode());
        awaitNoShim();
    }

    @Test
    void aContainerWithoutItsModuleIsRefusedSayingWhy() throws Exception {
        String[] args = Stream.concat(Stream.of(run("hello:1", "no-module")), Stream.of("/missing.wasm")).toArray(String[]::new);
        var bad = containerd.ctr(args); // the command after the id replaces the image's /app.wasm
        assertTrue(bad.exitCode() != 0, bad.output());
        assertTrue(bad.output().contains("process.args[0] '/missing.wasm' is not a file in the image's root filesystem"), bad.output());
        awaitNoShim();
    }

    @Test
    void aRootfsDirectoryRunsWithStdinAndASymlinkedModuleIsRefused() throws Exception {
        Path rootfs = Files.createDirectories(dir.resolve("plain-rootfs"));
        Files.copy(Skiff.ROOT.resolve(Skiff.example("hello")), rootfs.resolve("app.wasm"));
        Files.createSymbolicLink(rootfs.resolve("link.wasm"), Path.of("/etc/hostname"));
        String[] plain = {"run", "--rm", "--runtime", RUNTIME, "--rootfs", rootfs.toString()};

        var ok = containerd.ctr(Stream.concat(Stream.of(plain), Stream.of("plain", "/app.wasm")).toArray(String[]::new));
        assertEquals(0, ok.exitCode(), ok.output());
        assertTrue(ok.output().contains("Hello from Skiff!"), ok.output());

        // stdin: ctr copies its own stdin into the task's stdin FIFO
        Files.copy(Skiff.ROOT.resolve(Skiff.example("wasi-probe")), rootfs.resolve("probe.wasm"));
        Path probeOut = dir.resolve("probe.out");
        Process probe = containerd.startCtr(probeOut, Stream.concat(Stream.of(plain), Stream.of("probe", "/probe.wasm", "stdin")).toArray(String[]::new));
        try (var stdin = probe.getOutputStream()) {
            stdin.write("hello stdin\n".getBytes(StandardCharsets.UTF_8));
        }
        assertTrue(probe.waitFor(60, TimeUnit.SECONDS), Files.readString(probeOut));
        assertEquals(0, probe.exitValue(), Files.readString(probeOut));
        assertTrue(Files.readString(probeOut).contains("stdin_bytes=12\nstdin_upper=HELLO STDIN\n"), Files.readString(probeOut));

        var link = containerd.ctr(Stream.concat(Stream.of(plain), Stream.of("linked", "/link.wasm")).toArray(String[]::new));
        assertTrue(link.exitCode() != 0, link.output());
        assertTrue(link.output().contains("process.args[0] '/link.wasm' is not a file in the image's root filesystem"), link.output());
        awaitNoShim();
    }

    @Test
    void aShimKilledMidRunIsCleanedUpAndContainerdCarriesOn() throws Exception {
        String[] detached = {"run", "-d", "--platform", "wasi/wasm", "--snapshotter", ContainerdServer.SNAPSHOTTER, "--runtime", RUNTIME,
            "docker.io/library/sleeper:1", "orphan"};
        assertEquals(0, containerd.ctr(detached).exitCode());
        List<ProcessHandle> shims = shims();
        assertEquals(1, shims.size(), shims.toString());
        String address = Files.readString(containerd.stateDir().resolve("io.containerd.runtime.v2.task/default/orphan/address"));
        Path socket = Path.of(address.replaceFirst("^unix://", ""));
        assertTrue(Files.exists(socket), socket.toString());
        shims.getFirst().destroyForcibly(); // SIGKILL: no Shutdown, no clean-up of its own

        // containerd notices, forgets the task and runs the shim's delete action, which removes the socket
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (containerd.ctr("task", "ls").output().contains("orphan") || Files.exists(socket)) {
            assertTrue(System.nanoTime() < deadline, "containerd still lists the task, or the dead daemon's socket " + socket
                    + " is still there: " + containerd.log());
            Thread.sleep(100);
        }
        assertEquals(0, containerd.ctr("containers", "delete", "orphan").exitCode());
        var after = containerd.ctr(run("hello:1", "after-orphan"));
        assertEquals(0, after.exitCode(), after.output());
        awaitNoShim();
    }

    private static void awaitStopped(String id) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!containerd.ctr("task", "ls").output().matches("(?s).*" + id + "\\s+\\d+\\s+STOPPED.*")) {
            assertTrue(System.nanoTime() < deadline, id + " did not stop: " + containerd.ctr("task", "ls").output());
            Thread.sleep(100);
        }
    }

    /** Shim daemons of this test's containerd (they carry its socket as -address). */
    private static List<ProcessHandle> shims() {
        String address = containerd.socket().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("skiff-shim.jar") && c.contains(address)).orElse(false))
                .toList();
    }

    /** containerd shuts a shim down after its last task is deleted; it must then exit. */
    private static void awaitNoShim() throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!shims().isEmpty()) {
            assertTrue(System.nanoTime() < deadline, "shim processes left behind: " + shims().stream().map(p -> p.info().commandLine().orElse("?")).toList());
            Thread.sleep(100);
        }
    }

    private static void awaitOutput(Path output, String expected) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(output).contains(expected)) {
            assertTrue(System.nanoTime() < deadline, "no '" + expected + "' within 60 s:\n" + Files.readString(output) + containerd.log());
            Thread.sleep(50);
        }
    }
}
