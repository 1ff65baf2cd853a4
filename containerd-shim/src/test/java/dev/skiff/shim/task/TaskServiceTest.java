package dev.skiff.shim.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.runtime.Sandbox;
import dev.skiff.shim.proto.ProtoReader;
import dev.skiff.shim.proto.TaskApi;
import dev.skiff.shim.ttrpc.TtrpcException;
import dev.skiff.shim.ttrpc.TtrpcServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Task service called as containerd calls it, without containerd: a bundle, files for stdio. */
class TaskServiceTest {
    static final Path HELLO = Path.of(System.getenv().getOrDefault("SKIFF_ROOT", "..")).resolve("examples/hello/hello.wasm");

    final Sandbox sandbox = Sandbox.inMemory();
    final EventForwarder events = new EventForwarder(Optional.empty(), "test", line -> {});
    final TaskService service = new TaskService(sandbox, events, line -> {});
    final Map<String, TtrpcServer.Method> methods = service.methods();

    @TempDir
    Path dir;

    @AfterEach
    void close() throws Exception {
        events.close();
        sandbox.close();
    }

    private byte[] call(String method, byte[] request) throws TtrpcException {
        return methods.get("containerd.task.v2.Task/" + method).call(request);
    }

    private TaskApi.CreateTaskRequest bundle(String id, String config) throws Exception {
        Path bundle = Files.createDirectories(dir.resolve(id));
        Files.createDirectories(bundle.resolve("rootfs"));
        Files.copy(HELLO, bundle.resolve("rootfs/app.wasm"));
        Files.writeString(bundle.resolve("config.json"), config);
        return new TaskApi.CreateTaskRequest(id, bundle.toString(), List.of(), false, "",
                bundle.resolve("stdout").toString(), bundle.resolve("stderr").toString(), "");
    }

    @Test
    void createStartWaitDeleteRunsTheGuestWithItsExitCode() throws Exception {
        var create = bundle("c1", "{\"process\":{\"args\":[\"/app.wasm\",\"x\"],\"env\":[\"EXIT_CODE=4\"]},\"root\":{\"path\":\"rootfs\"}}");
        call("Create", create.encode());
        assertEquals(TaskApi.Status.CREATED.ordinal(), field(call("State", new TaskApi.ProcessRef("c1", "").encode()), 4));
        call("Start", new TaskApi.ProcessRef("c1", "").encode());
        assertEquals(4, field(call("Wait", new TaskApi.ProcessRef("c1", "").encode()), 1));
        assertEquals(TaskApi.Status.STOPPED.ordinal(), field(call("State", new TaskApi.ProcessRef("c1", "").encode()), 4));
        assertEquals("Hello from Skiff!\narg[1]=x\n", Files.readString(Path.of(create.stdout())));
        assertEquals(4, field(call("Delete", new TaskApi.ProcessRef("c1", "").encode()), 2));

        var gone = assertThrows(TtrpcException.class, () -> call("State", new TaskApi.ProcessRef("c1", "").encode()));
        assertEquals(TtrpcException.NOT_FOUND, gone.code());
    }

    @Test
    void whatTheShimCannotDoIsRefusedSayingWhy() throws Exception {
        var tty = new TaskApi.CreateTaskRequest("t", dir.toString(), List.of(), true, "", "", "", "");
        var refused = assertThrows(TtrpcException.class, () -> call("Create", tty.encode()));
        assertEquals(TtrpcException.INVALID_ARGUMENT, refused.code());
        assertTrue(refused.getMessage().contains("terminals are not supported"), refused.getMessage());

        var exec = assertThrows(TtrpcException.class, () -> call("State", new TaskApi.ProcessRef("t", "e1").encode()));
        assertEquals(TtrpcException.NOT_FOUND, exec.code());
        assertTrue(exec.getMessage().contains("does not run exec processes"), exec.getMessage());

        call("Shutdown", new byte[0]);
        var late = bundle("late", "{\"process\":{\"args\":[\"/app.wasm\"]}}");
        var closing = assertThrows(TtrpcException.class, () -> call("Create", late.encode()));
        assertEquals(TtrpcException.UNAVAILABLE, closing.code());
    }

    /** A varint field of a response. */
    private static long field(byte[] message, int number) {
        ProtoReader r = new ProtoReader(message);
        while (r.next()) {
            if (r.field() == number) {
                return r.uint64();
            }
            r.skip();
        }
        return 0;
    }
}
