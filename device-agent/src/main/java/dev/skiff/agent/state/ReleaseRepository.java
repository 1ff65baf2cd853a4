package dev.skiff.agent.state;

import dev.skiff.image.oci.Digest;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The {@code releases} table: deployments and their outcomes. */
public final class ReleaseRepository {
    private final StateDb db;

    public ReleaseRepository(StateDb db) {
        this.db = db;
    }

    public Release create(String app, Digest image, String manifestJson, ReleaseState state, String detail) {
        Instant now = Instant.ofEpochMilli(System.currentTimeMillis());
        Instant finished = state.hasOutcome() ? now : null;
        long id = db.insert("INSERT INTO releases (app, image_digest, manifest_json, state, detail, created_at, finished_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
                app, image.toString(), manifestJson, state.name(), detail, now.toEpochMilli(), Rows.millis(finished));
        return new Release(id, app, image, manifestJson, state, detail, now, finished);
    }

    public Optional<Release> find(long id) {
        return db.query("SELECT * FROM releases WHERE id = ?", ReleaseRepository::map, id).stream().findFirst();
    }

    /** Newest first. */
    public List<Release> ofApp(String app) {
        return db.query("SELECT * FROM releases WHERE app = ? ORDER BY id DESC", ReleaseRepository::map, app);
    }

    public List<Release> inState(ReleaseState state) {
        return db.query("SELECT * FROM releases WHERE state = ? ORDER BY id", ReleaseRepository::map, state.name());
    }

    /** Moves a release to {@code state}, stamping the end of its deployment once it has one. */
    public void setState(long id, ReleaseState state, String detail) {
        Long finished = state.hasOutcome() ? System.currentTimeMillis() : null;
        db.update("UPDATE releases SET state = ?, detail = coalesce(?, detail), finished_at = coalesce(finished_at, ?) WHERE id = ?",
                state.name(), detail, finished, id);
    }

    private static Release map(ResultSet r) throws SQLException {
        String digest = r.getString("image_digest");
        return new Release(r.getLong("id"), r.getString("app"), new Digest(digest.substring(digest.indexOf(':') + 1)),
                r.getString("manifest_json"), ReleaseState.valueOf(r.getString("state")), r.getString("detail"),
                Rows.instant(r, "created_at"), Rows.instant(r, "finished_at"));
    }
}
