-- Harrier schema v1. Dates are ISO-8601 UTC text with 7 fractional digits (see SqliteDates): text order is time order.
-- States are Kestra's names (SUCCESS, FAILED…), levels TRACE…ERROR, metric types counter/timer/gauge.
-- JSON columns hold explicit documents (see Json/StoredJson), never serialised CLR types.

CREATE TABLE executions (
    id             TEXT    NOT NULL PRIMARY KEY,
    namespace      TEXT    NOT NULL,
    flow_id        TEXT    NOT NULL,
    flow_revision  INTEGER NOT NULL,
    state          TEXT    NOT NULL,
    inputs_json    TEXT    NOT NULL,
    outputs_json   TEXT    NOT NULL,
    labels_json    TEXT    NOT NULL,
    created_at     TEXT    NOT NULL,
    start_date     TEXT,
    end_date       TEXT,
    flow_source    TEXT    NOT NULL,
    flow_file      TEXT    NOT NULL,
    error          TEXT
);

CREATE INDEX executions_flow_created ON executions (namespace, flow_id, created_at);
CREATE INDEX executions_created ON executions (created_at);

CREATE TABLE task_runs (
    id                  TEXT    NOT NULL PRIMARY KEY,
    execution_id        TEXT    NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    -- Creation order within the execution: assigned on first insert, never changed by updates.
    ordinal             INTEGER NOT NULL,
    task_id             TEXT    NOT NULL,
    parent_task_run_id  TEXT,
    value               TEXT,
    iteration           INTEGER,
    state               TEXT    NOT NULL,
    attempts_json       TEXT    NOT NULL,
    outputs_json        TEXT    NOT NULL,
    decision_json       TEXT,
    created_at          TEXT    NOT NULL,
    end_date            TEXT,
    next_attempt_at     TEXT
);

CREATE UNIQUE INDEX task_runs_execution_ordinal ON task_runs (execution_id, ordinal);

CREATE TABLE metrics (
    task_run_id   TEXT    NOT NULL REFERENCES task_runs (id) ON DELETE CASCADE,
    -- Position in the task run's metric list, so the list reads back in the order it was reported.
    position      INTEGER NOT NULL,
    execution_id  TEXT    NOT NULL,
    name          TEXT    NOT NULL,
    type          TEXT    NOT NULL,
    value         REAL    NOT NULL,
    tags_json     TEXT    NOT NULL,
    PRIMARY KEY (task_run_id, position)
);

CREATE INDEX metrics_execution ON metrics (execution_id);

-- seq is the rowid with AUTOINCREMENT: global, never reused, hence increasing per execution too.
-- No foreign key to executions: log lines are the hottest write path and must not pay for a lookup.
CREATE TABLE logs (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id  TEXT    NOT NULL,
    task_run_id   TEXT,
    task_id       TEXT,
    attempt       INTEGER,
    level         TEXT    NOT NULL,
    message       TEXT    NOT NULL,
    timestamp     TEXT    NOT NULL
);

CREATE INDEX logs_execution_seq ON logs (execution_id, seq);

-- The worker job queue. A job is claimable when not_before <= now and it has no live lease.
CREATE TABLE jobs (
    id                INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id      TEXT    NOT NULL,
    task_run_id       TEXT    NOT NULL,
    attempt           INTEGER NOT NULL,
    worker_group      TEXT,
    not_before        TEXT    NOT NULL,
    lease_owner       TEXT,
    lease_expires_at  TEXT,
    enqueued_at       TEXT    NOT NULL
);

CREATE INDEX jobs_due ON jobs (not_before, id);
CREATE INDEX jobs_execution ON jobs (execution_id);
