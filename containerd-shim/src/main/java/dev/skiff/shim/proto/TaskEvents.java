package dev.skiff.shim.proto;

/**
 * The task lifecycle events the shim forwards to containerd ({@code containerd.events.Task*} of
 * containerd's {@code api/events/task.proto}), each with its topic, wrapped as containerd's
 * events service expects them ({@code containerd.services.events.ttrpc.v1.Events/Forward}).
 */
public final class TaskEvents {
    private TaskEvents() {}

    /** One event: its topic and its {@code Any}-wrapped message. */
    public record Event(String topic, AnyMessage message) {}

    public static Event create(String containerId, String bundle, String stdin, String stdout, String stderr, int pid) {
        byte[] io = new ProtoWriter().string(1, stdin).string(2, stdout).string(3, stderr).toByteArray();
        byte[] event = new ProtoWriter().string(1, containerId).string(2, bundle).message(4, io).uint32(6, pid).toByteArray();
        return new Event("/tasks/create", new AnyMessage("containerd.events.TaskCreate", event));
    }

    public static Event start(String containerId, int pid) {
        byte[] event = new ProtoWriter().string(1, containerId).uint32(2, pid).toByteArray();
        return new Event("/tasks/start", new AnyMessage("containerd.events.TaskStart", event));
    }

    public static Event exit(String containerId, int pid, int exitStatus, Timestamp exitedAt) {
        byte[] event = new ProtoWriter().string(1, containerId).string(2, containerId).uint32(3, pid)
                .uint32(4, exitStatus).message(5, exitedAt.encode()).toByteArray();
        return new Event("/tasks/exit", new AnyMessage("containerd.events.TaskExit", event));
    }

    public static Event delete(String containerId, int pid, int exitStatus, Timestamp exitedAt) {
        byte[] event = new ProtoWriter().string(1, containerId).uint32(2, pid).uint32(3, exitStatus)
                .message(4, exitedAt.encode()).string(5, containerId).toByteArray();
        return new Event("/tasks/delete", new AnyMessage("containerd.events.TaskDelete", event));
    }

    /** {@code ForwardRequest{envelope: Envelope{timestamp, namespace, topic, event}}}. */
    public static byte[] forwardRequest(Timestamp timestamp, String namespace, Event event) {
        byte[] envelope = new ProtoWriter().message(1, timestamp.encode()).string(2, namespace).string(3, event.topic())
                .message(4, event.message().encode()).toByteArray();
        return new ProtoWriter().message(1, envelope).toByteArray();
    }
}
