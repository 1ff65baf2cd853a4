package dev.skiff.shim.proto;

import java.util.ArrayList;
import java.util.List;

/**
 * The messages of containerd's {@code containerd.task.v2.Task} service that the shim answers,
 * with containerd's field numbers ({@code runtime/v2/task/shim.proto} of containerd 1.6).
 */
public final class TaskApi {
    private TaskApi() {}

    /** {@code containerd.types.Mount}: one mount of the container's root filesystem. */
    public record Mount(String type, String source, String target, List<String> options) {
        static Mount decode(byte[] bytes) {
            ProtoReader r = new ProtoReader(bytes);
            String type = "", source = "", target = "";
            List<String> options = new ArrayList<>();
            while (r.next()) {
                switch (r.field()) {
                    case 1 -> type = r.string();
                    case 2 -> source = r.string();
                    case 3 -> target = r.string();
                    case 4 -> options.add(r.string());
                    default -> r.skip();
                }
            }
            return new Mount(type, source, target, List.copyOf(options));
        }

        byte[] encode() {
            ProtoWriter w = new ProtoWriter().string(1, type).string(2, source).string(3, target);
            options.forEach(o -> w.string(4, o));
            return w.toByteArray();
        }
    }

    public record CreateTaskRequest(
            String id, String bundle, List<Mount> rootfs, boolean terminal, String stdin, String stdout, String stderr,
            String checkpoint) {
        public static CreateTaskRequest decode(byte[] bytes) {
            ProtoReader r = new ProtoReader(bytes);
            String id = "", bundle = "", stdin = "", stdout = "", stderr = "", checkpoint = "";
            boolean terminal = false;
            List<Mount> rootfs = new ArrayList<>();
            while (r.next()) {
                switch (r.field()) {
                    case 1 -> id = r.string();
                    case 2 -> bundle = r.string();
                    case 3 -> rootfs.add(Mount.decode(r.bytes()));
                    case 4 -> terminal = r.bool();
                    case 5 -> stdin = r.string();
                    case 6 -> stdout = r.string();
                    case 7 -> stderr = r.string();
                    case 8 -> checkpoint = r.string();
                    default -> r.skip();
                }
            }
            return new CreateTaskRequest(id, bundle, List.copyOf(rootfs), terminal, stdin, stdout, stderr, checkpoint);
        }

        public byte[] encode() {
            ProtoWriter w = new ProtoWriter().string(1, id).string(2, bundle);
            rootfs.forEach(m -> w.message(3, m.encode()));
            return w.bool(4, terminal).string(5, stdin).string(6, stdout).string(7, stderr).string(8, checkpoint).toByteArray();
        }
    }

    /**
     * The requests that name a task and optionally one of its processes: Start, State, Delete,
     * Wait (fields 1 and 2), and Pids, Stats, Connect (field 1 only).
     */
    public record ProcessRef(String id, String execId) {
        public static ProcessRef decode(byte[] bytes) {
            ProtoReader r = new ProtoReader(bytes);
            String id = "", execId = "";
            while (r.next()) {
                switch (r.field()) {
                    case 1 -> id = r.string();
                    case 2 -> execId = r.string();
                    default -> r.skip();
                }
            }
            return new ProcessRef(id, execId);
        }

        public byte[] encode() {
            return new ProtoWriter().string(1, id).string(2, execId).toByteArray();
        }
    }

    public record KillRequest(String id, String execId, int signal, boolean all) {
        public static KillRequest decode(byte[] bytes) {
            ProtoReader r = new ProtoReader(bytes);
            String id = "", execId = "";
            int signal = 0;
            boolean all = false;
            while (r.next()) {
                switch (r.field()) {
                    case 1 -> id = r.string();
                    case 2 -> execId = r.string();
                    case 3 -> signal = r.uint32();
                    case 4 -> all = r.bool();
                    default -> r.skip();
                }
            }
            return new KillRequest(id, execId, signal, all);
        }

        public byte[] encode() {
            return new ProtoWriter().string(1, id).string(2, execId).uint32(3, signal).bool(4, all).toByteArray();
        }
    }

    public record ShutdownRequest(String id, boolean now) {
        public static ShutdownRequest decode(byte[] bytes) {
            ProtoReader r = new ProtoReader(bytes);
            String id = "";
            boolean now = false;
            while (r.next()) {
                switch (r.field()) {
                    case 1 -> id = r.string();
                    case 2 -> now = r.bool();
                    default -> r.skip();
                }
            }
            return new ShutdownRequest(id, now);
        }
    }

    /** {@code containerd.v1.types.Status}. */
    public enum Status {
        UNKNOWN, CREATED, RUNNING, STOPPED, PAUSED, PAUSING
    }

    public static byte[] pidResponse(int pid) {
        return new ProtoWriter().uint32(1, pid).toByteArray();
    }

    public record StateResponse(
            String id, String bundle, int pid, Status status, String stdin, String stdout, String stderr,
            int exitStatus, Timestamp exitedAt) {
        public byte[] encode() {
            ProtoWriter w = new ProtoWriter().string(1, id).string(2, bundle).uint32(3, pid).uint32(4, status.ordinal())
                    .string(5, stdin).string(6, stdout).string(7, stderr).uint32(9, exitStatus);
            if (exitedAt != null) {
                w.message(10, exitedAt.encode());
            }
            return w.toByteArray();
        }
    }

    public static byte[] deleteResponse(int pid, int exitStatus, Timestamp exitedAt) {
        return new ProtoWriter().uint32(1, pid).uint32(2, exitStatus).message(3, exitedAt.encode()).toByteArray();
    }

    public static byte[] waitResponse(int exitStatus, Timestamp exitedAt) {
        return new ProtoWriter().uint32(1, exitStatus).message(2, exitedAt.encode()).toByteArray();
    }

    /** {@code PidsResponse} with one {@code ProcessInfo}: the guest runs inside the shim's process. */
    public static byte[] pidsResponse(int pid) {
        return new ProtoWriter().message(1, new ProtoWriter().uint32(1, pid).toByteArray()).toByteArray();
    }

    public static byte[] statsResponse(AnyMessage stats) {
        return new ProtoWriter().message(1, stats.encode()).toByteArray();
    }

    public static byte[] connectResponse(int shimPid, int taskPid, String version) {
        return new ProtoWriter().uint32(1, shimPid).uint32(2, taskPid).string(3, version).toByteArray();
    }

    /** {@code google.protobuf.Empty}. */
    public static byte[] empty() {
        return new byte[0];
    }
}
