-- The operator's fleet state: rollouts, their target devices, and the desired state last
-- published for each device (so a generation is never reused, even across processes).
CREATE TABLE rollouts (
  id INTEGER PRIMARY KEY,
  app TEXT NOT NULL,
  image TEXT NOT NULL,
  selector TEXT NOT NULL,
  waves TEXT NOT NULL,
  max_unavailable INTEGER NOT NULL,
  health_timeout_ms INTEGER NOT NULL,
  abort_at_percent REAL NOT NULL,
  state TEXT NOT NULL,
  detail TEXT,
  created_at INTEGER NOT NULL
);

CREATE TABLE rollout_devices (
  rollout_id INTEGER NOT NULL REFERENCES rollouts(id),
  device TEXT NOT NULL,
  wave INTEGER NOT NULL,
  step TEXT NOT NULL,
  previous_image TEXT,
  generation INTEGER NOT NULL DEFAULT 0,
  step_since INTEGER NOT NULL,
  detail TEXT,
  PRIMARY KEY (rollout_id, device)
);

CREATE TABLE desired (
  device TEXT PRIMARY KEY,
  generation INTEGER NOT NULL,
  state_json TEXT NOT NULL
);
