package dev.skiff.shim.task;

import dev.skiff.shim.proto.AnyMessage;
import dev.skiff.shim.proto.ProtoWriter;

/**
 * A task's figures for containerd's Stats, as the cgroups v1 {@code Metrics} message that
 * {@code ctr task metrics} and the CRI plugin decode. A guest is a thread of the shim, so only
 * what the sandbox measures is filled in: the guest thread's CPU time.
 */
final class TaskMetrics {
    static final String TYPE = "io.containerd.cgroups.v1.Metrics";

    private TaskMetrics() {}

    static AnyMessage of(long cpuNanos) {
        byte[] usage = new ProtoWriter().uint64(1, cpuNanos).uint64(3, cpuNanos).toByteArray();
        byte[] cpu = new ProtoWriter().message(1, usage).toByteArray();
        return new AnyMessage(TYPE, new ProtoWriter().message(3, cpu).toByteArray());
    }
}
