package dev.skiff.agent.events;

import dev.skiff.agent.state.StateDb;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The agent's history of what happened, in the {@code events} table. Appends join the caller's
 * transaction, so an event is recorded exactly when the change it describes is.
 */
public final class EventLog {
    private final StateDb db;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    public EventLog(StateDb db) {
        this.db = db;
    }

    public void record(String app, Long releaseId, EventKind kind, String message) {
        db.insert("INSERT INTO events (at, app, release_id, kind, message) VALUES (?, ?, ?, ?, ?)",
                System.currentTimeMillis(), app, releaseId, kind.name(), message);
        listeners.forEach(Runnable::run);
    }

    /**
     * Calls {@code listener} after every event is recorded. It runs inside the recording
     * transaction, so it should only note that something changed and read the state later.
     */
    public void whenRecorded(Runnable listener) {
        listeners.add(listener);
    }

    /** Oldest first. */
    public List<Event> ofApp(String app) {
        return db.query("SELECT * FROM events WHERE app = ? ORDER BY id",
                r -> {
                    long release = r.getLong("release_id");
                    Long releaseId = r.wasNull() ? null : release;
                    return new Event(r.getLong("id"), Instant.ofEpochMilli(r.getLong("at")), r.getString("app"), releaseId,
                            EventKind.valueOf(r.getString("kind")), r.getString("message"));
                },
                app);
    }

    /** How many events of each kind were ever recorded (kinds never recorded are absent). */
    public Map<EventKind, Long> countByKind() {
        Map<EventKind, Long> counts = new EnumMap<>(EventKind.class);
        db.query("SELECT kind, count(*) AS n FROM events GROUP BY kind", r -> Map.entry(EventKind.valueOf(r.getString("kind")), r.getLong("n")))
                .forEach(kind -> counts.put(kind.getKey(), kind.getValue()));
        return counts;
    }
}
