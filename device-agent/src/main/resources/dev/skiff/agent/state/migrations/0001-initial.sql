-- The agent's first schema. Times are Unix epoch milliseconds (UTC).

-- One row per app the agent knows. current_release is what runs (or would, when the app is
-- stopped); previous_release is what a rollback returns to.
CREATE TABLE apps (
    name             TEXT PRIMARY KEY,
    current_release  INTEGER REFERENCES releases(id),
    previous_release INTEGER REFERENCES releases(id),
    desired          TEXT NOT NULL CHECK (desired IN ('running', 'stopped'))
);

-- A release is one deployment of an image to an app; its state is the deployment's outcome.
CREATE TABLE releases (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    app           TEXT NOT NULL REFERENCES apps(name) ON DELETE CASCADE,
    image_digest  TEXT NOT NULL,
    manifest_json TEXT NOT NULL,
    state         TEXT NOT NULL,
    detail        TEXT,
    created_at    INTEGER NOT NULL,
    finished_at   INTEGER
);
CREATE INDEX releases_by_app ON releases(app, id);

-- Each start of a container; restarts of one release are numbered by restart_count.
CREATE TABLE container_runs (
    id            INTEGER PRIMARY KEY AUTOINCREMENT,
    release_id    INTEGER NOT NULL REFERENCES releases(id) ON DELETE CASCADE,
    app           TEXT NOT NULL,
    restart_count INTEGER NOT NULL,
    started_at    INTEGER NOT NULL,
    ended_at      INTEGER,
    exit_code     INTEGER,
    end_state     TEXT
);
CREATE INDEX container_runs_by_release ON container_runs(release_id, id);

-- What happened, for history and audits; kept when an app is removed.
CREATE TABLE events (
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    at         INTEGER NOT NULL,
    app        TEXT NOT NULL,
    release_id INTEGER,
    kind       TEXT NOT NULL,
    message    TEXT NOT NULL
);
CREATE INDEX events_by_app ON events(app, id);
