-- The device's enrollment with a fleet CA: one row, made at the first start. token is the
-- one-time enrollment token while it is unused; enrolling clears it and sets name and used_at,
-- so a used token is gone from the device, not merely flagged.
CREATE TABLE enrollment (
    id         INTEGER PRIMARY KEY CHECK (id = 1),
    token      TEXT,
    name       TEXT,
    created_at INTEGER NOT NULL,
    used_at    INTEGER
);
