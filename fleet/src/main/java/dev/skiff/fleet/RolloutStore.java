package dev.skiff.fleet;

import dev.skiff.agent.state.StateDb;
import dev.skiff.protocols.api.ApiJson;
import dev.skiff.protocols.fleet.DesiredApp;
import dev.skiff.protocols.fleet.DesiredState;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The operator's fleet state in SQLite ({@code $SKIFF_HOME/fleet/fleet.db}, WAL, synchronous
 * writes): rollouts, their devices' steps, and the desired state last published per device. Every
 * step change is committed before the message it leads to is published, so a process that dies
 * at any point leaves a state the next driver continues from without asking any device twice.
 */
public final class RolloutStore implements AutoCloseable {
    static final List<String> MIGRATIONS = List.of("0001-rollouts.sql");

    private final StateDb db;

    private RolloutStore(StateDb db) {
        this.db = db;
    }

    public static RolloutStore open(Path file) throws IOException {
        return new RolloutStore(StateDb.open(file, RolloutStore.class, MIGRATIONS));
    }

    /** Records a new rollout in state RUNNING with its targets, each waiting in its wave. */
    public Rollout create(RolloutSpec spec, List<RolloutDevice> targets) {
        long now = System.currentTimeMillis();
        long id = db.transaction(() -> {
            long rid = db.insert("INSERT INTO rollouts (app, image, selector, waves, max_unavailable, health_timeout_ms, abort_at_percent, state,"
                    + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", spec.app(), spec.image(), spec.selector().toString(), spec.waves().toString(),
                    spec.maxUnavailable(), spec.healthTimeout().toMillis(), spec.abortAtPercent(), RolloutState.RUNNING.name(), now);
            for (RolloutDevice d : targets) {
                db.insert("INSERT INTO rollout_devices (rollout_id, device, wave, step, previous_image, step_since) VALUES (?, ?, ?, ?, ?, ?)",
                        rid, d.device(), d.wave(), DeviceStep.WAITING.name(), d.previousImage(), now);
            }
            return rid;
        });
        return find(id).orElseThrow();
    }

    public Optional<Rollout> find(long id) {
        return db.query("SELECT * FROM rollouts WHERE id = ?", RolloutStore::rollout, id).stream().findFirst();
    }

    /** Newest first. */
    public List<Rollout> list() {
        return db.query("SELECT * FROM rollouts ORDER BY id DESC", RolloutStore::rollout);
    }

    public List<RolloutDevice> devices(long rolloutId) {
        return db.query("SELECT * FROM rollout_devices WHERE rollout_id = ? ORDER BY wave, device", RolloutStore::device, rolloutId);
    }

    public void setState(long id, RolloutState state, String detail) {
        db.update("UPDATE rollouts SET state = ?, detail = ? WHERE id = ?", state.name(), detail, id);
    }

    /** Moves the rollout from {@code from} to {@code to}; false when it was not in {@code from}. */
    public boolean transition(long id, RolloutState from, RolloutState to) {
        return db.update("UPDATE rollouts SET state = ? WHERE id = ? AND state = ?", to.name(), id, from.name()) == 1;
    }

    public void setStep(long rolloutId, String device, DeviceStep step, String detail) {
        db.update("UPDATE rollout_devices SET step = ?, detail = ?, step_since = ? WHERE rollout_id = ? AND device = ?",
                step.name(), detail, System.currentTimeMillis(), rolloutId, device);
    }

    /**
     * In one transaction: the device's next desired state (its last one with {@code app} set to
     * {@code wanted}) is recorded, and the device moves to {@code step} awaiting that generation.
     * The generation is past {@code reportedGeneration}, the newest the device has acted on, in
     * case another operator database asked it before. Returns the state to publish.
     */
    public DesiredState advance(long rolloutId, String device, String app, DesiredApp wanted, DeviceStep step, long reportedGeneration) {
        return db.transaction(() -> {
            DesiredState next = saveDesired(device, last(device, reportedGeneration).with(app, wanted));
            db.update("UPDATE rollout_devices SET step = ?, generation = ?, detail = NULL, step_since = ? WHERE rollout_id = ? AND device = ?",
                    step.name(), next.generation(), System.currentTimeMillis(), rolloutId, device);
            return next;
        });
    }

    /** Records the device's next desired state with these labels set; returns it, to publish. */
    public DesiredState label(String device, Map<String, String> labels, long reportedGeneration) {
        return db.transaction(() -> saveDesired(device, last(device, reportedGeneration).withLabels(labels)));
    }

    /** The device's last desired state (an empty one if none), at least at the generation it reported. */
    private DesiredState last(String device, long reportedGeneration) {
        return desired(device).orElse(new DesiredState(1, Map.of())).atLeast(reportedGeneration);
    }

    private DesiredState saveDesired(String device, DesiredState next) {
        db.update("INSERT INTO desired (device, generation, state_json) VALUES (?, ?, ?) ON CONFLICT(device) DO UPDATE"
                + " SET generation = excluded.generation, state_json = excluded.state_json", device, next.generation(),
                new String(ApiJson.write(next), StandardCharsets.UTF_8));
        return next;
    }

    /** The desired state last recorded for the device. */
    public Optional<DesiredState> desired(String device) {
        return db.query("SELECT state_json FROM desired WHERE device = ?",
                r -> ApiJson.read(r.getString(1).getBytes(StandardCharsets.UTF_8), DesiredState.class), device).stream().findFirst();
    }

    @Override
    public void close() {
        db.close();
    }

    private static Rollout rollout(ResultSet r) throws SQLException {
        RolloutSpec spec = new RolloutSpec(r.getString("app"), r.getString("image"), Selector.parse(r.getString("selector")),
                WavePlan.parse(r.getString("waves")), r.getInt("max_unavailable"), Duration.ofMillis(r.getLong("health_timeout_ms")),
                r.getDouble("abort_at_percent"));
        return new Rollout(r.getLong("id"), spec, RolloutState.valueOf(r.getString("state")), r.getString("detail"),
                Instant.ofEpochMilli(r.getLong("created_at")));
    }

    private static RolloutDevice device(ResultSet r) throws SQLException {
        return new RolloutDevice(r.getString("device"), r.getInt("wave"), DeviceStep.valueOf(r.getString("step")), r.getString("previous_image"),
                r.getLong("generation"), r.getLong("step_since"), r.getString("detail"));
    }
}
