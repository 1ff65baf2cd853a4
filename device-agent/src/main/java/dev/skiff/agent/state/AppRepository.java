package dev.skiff.agent.state;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/** The {@code apps} table. */
public final class AppRepository {
    private final StateDb db;

    public AppRepository(StateDb db) {
        this.db = db;
    }

    public Optional<AppRecord> find(String name) {
        return db.query("SELECT * FROM apps WHERE name = ?", AppRepository::map, name).stream().findFirst();
    }

    public List<AppRecord> list() {
        return db.query("SELECT * FROM apps ORDER BY name", AppRepository::map);
    }

    /** Adds the app (running, no release yet) unless it exists. */
    public void ensure(String name) {
        db.update("INSERT OR IGNORE INTO apps (name, desired) VALUES (?, 'running')", name);
    }

    /** Makes {@code current} the app's release and {@code previous} what a rollback returns to. */
    public void switchTo(String name, long current, Long previous) {
        db.update("UPDATE apps SET current_release = ?, previous_release = ? WHERE name = ?", current, previous, name);
    }

    public void setRunning(String name, boolean running) {
        db.update("UPDATE apps SET desired = ? WHERE name = ?", running ? "running" : "stopped", name);
    }

    /** Removes the app with its releases and runs (events stay). */
    public void delete(String name) {
        db.inTransaction(() -> {
            // apps points at releases and releases at apps: cut the first edge before the cascade
            db.update("UPDATE apps SET current_release = NULL, previous_release = NULL WHERE name = ?", name);
            db.update("DELETE FROM apps WHERE name = ?", name);
        });
    }

    private static AppRecord map(ResultSet r) throws SQLException {
        return new AppRecord(r.getString("name"), optionalLong(r, "current_release"), optionalLong(r, "previous_release"),
                r.getString("desired").equals("running"));
    }

    private static OptionalLong optionalLong(ResultSet r, String column) throws SQLException {
        long value = r.getLong(column);
        return r.wasNull() ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
