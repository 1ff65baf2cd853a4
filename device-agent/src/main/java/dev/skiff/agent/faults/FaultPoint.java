package dev.skiff.agent.faults;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Named points of a deploy where the crash test kills the agent (DESIGN §10: a {@code kill -9}
 * anywhere in a deploy must leave one version running and the state consistent).
 *
 * <p>{@code SKIFF_AGENT_HALT_AT=NAME}, read once as the agent starts, arms one point. The agent
 * that reaches it prints {@code skiff-agent: halted at fault point NAME} and waits there for
 * ever, so the test, not the agent, ends it with a real SIGKILL at exactly that moment, as the
 * OOM killer or a power cut would (a {@link Runtime#halt} would still be the agent's own, orderly
 * exit). An unarmed point costs one comparison. The points, in the order a deploy meets them:
 * <ul>
 *   <li>{@code deploy-recorded}: the image is in the store and the release recorded as
 *       DEPLOYING; nothing has been checked or started.
 *   <li>{@code compiling}: the new release's module is about to be prepared (compiled, or
 *       loaded from the compile cache); no container exists yet.
 *   <li>{@code started}: the new release's container runs beside the current one, its health
 *       check not passed yet.
 *   <li>{@code switching}: inside the switch transaction (of a deploy or a rollback), before it
 *       commits.
 *   <li>{@code switched}: the switch has committed; the old container has not been stopped.
 * </ul>
 */
public enum FaultPoint {
    DEPLOY_RECORDED("deploy-recorded"),
    COMPILING("compiling"),
    STARTED("started"),
    SWITCHING("switching"),
    SWITCHED("switched");

    /** The environment variable that arms a point. */
    public static final String VARIABLE = "SKIFF_AGENT_HALT_AT";

    /** What the agent prints when it halts, followed by the point's name. */
    public static final String MARKER = "skiff-agent: halted at fault point ";

    private static volatile FaultPoint armed;
    private static volatile PrintStream marks = System.out;

    private final String id;

    FaultPoint(String id) {
        this.id = id;
    }

    /** The name {@link #VARIABLE} gives it. */
    public String id() {
        return id;
    }

    /**
     * Arms the point {@code name} names (the value of {@link #VARIABLE}; null or empty arms
     * none); the marker line goes to {@code out}.
     *
     * @throws IllegalArgumentException when no point has that name
     */
    public static Optional<FaultPoint> arm(String name, PrintStream out) {
        if (name == null || name.isEmpty()) {
            return Optional.empty();
        }
        FaultPoint point = Arrays.stream(values()).filter(p -> p.id.equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(VARIABLE + "=" + name + " names no fault point; the points are "
                        + Arrays.stream(values()).map(FaultPoint::id).collect(Collectors.joining(", "))));
        marks = out;
        armed = point;
        return Optional.of(point);
    }

    /** Halts here for good when this point is armed; returns at once otherwise. */
    public void reach() {
        if (armed == this) {
            halt();
        }
    }

    private void halt() {
        marks.println(MARKER + id + " (pid " + ProcessHandle.current().pid() + "); waiting for kill -9");
        marks.flush();
        while (true) {
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                // stay: only the kill the test sends may end this process
            }
        }
    }

    @Override
    public String toString() {
        return id;
    }
}
