package dev.skiff.agent.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

/** The {@code container_runs} table: every start and end of a container. */
public final class RunRepository {
    private final StateDb db;

    public RunRepository(StateDb db) {
        this.db = db;
    }

    /** Records a start; returns the run's id. */
    public long started(long releaseId, String app, int restartCount, Instant at) {
        return db.insert("INSERT INTO container_runs (release_id, app, restart_count, started_at) VALUES (?, ?, ?, ?)",
                releaseId, app, restartCount, at.toEpochMilli());
    }

    public void ended(long runId, Instant at, int exitCode, String endState) {
        db.update("UPDATE container_runs SET ended_at = ?, exit_code = ?, end_state = ? WHERE id = ?",
                at.toEpochMilli(), exitCode, endState, runId);
    }

    /**
     * Closes runs a previous agent process left open (it died with them running): they ended
     * then, at an unknown time, recorded as {@code at}.
     */
    public int closeOrphans(Instant at) {
        return db.update("UPDATE container_runs SET ended_at = ?, end_state = 'lost: the agent stopped while it ran' WHERE ended_at IS NULL",
                at.toEpochMilli());
    }

    /** Oldest first. */
    public List<ContainerRun> ofRelease(long releaseId) {
        return db.query("SELECT * FROM container_runs WHERE release_id = ? ORDER BY id", RunRepository::map, releaseId);
    }

    private static ContainerRun map(ResultSet r) throws SQLException {
        int exitCode = r.getInt("exit_code");
        Integer exit = r.wasNull() ? null : exitCode;
        return new ContainerRun(r.getLong("id"), r.getLong("release_id"), r.getString("app"), r.getInt("restart_count"),
                Rows.instant(r, "started_at"), Rows.instant(r, "ended_at"), exit, r.getString("end_state"));
    }
}
