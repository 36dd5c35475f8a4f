-- Triggers, the scheduler's state, and flow concurrency.
--
-- executions.trigger_json: what started the execution ({"id","type","variables","chain"}; NULL when started by hand),
-- the `trigger` variable of its expressions. executions.concurrency_limit: the flow's concurrency limit, kept on a
-- QUEUED execution so that the commit ending another execution of the flow can promote it without reading flows.
ALTER TABLE executions ADD COLUMN trigger_json TEXT;
ALTER TABLE executions ADD COLUMN concurrency_limit INTEGER;

-- The oldest QUEUED execution of a flow, and the count of a flow's running ones (admission and promotion).
CREATE INDEX executions_queued ON executions (namespace, flow_id, created_at) WHERE state = 'QUEUED';
CREATE INDEX executions_active ON executions (namespace, flow_id)
    WHERE state IN ('RUNNING', 'KILLING', 'PAUSED', 'RETRYING', 'RESTARTED');

-- triggers: one row per trigger of a deployed flow, written only by schedulers and the triggers API. Every write is a
-- compare-and-set on version, in the transaction that also creates the executions it fires, so a slot fires at most once
-- even with two schedulers on one database, and a crash at any instruction leaves either both or neither: there is no lock
-- that could stay taken. next_date: the next slot to consider (NULL: not yet scheduled); last_date: the last slot fired;
-- disabled: the API's override of the flow's own 'disabled' (NULL: as the flow says); backfill_json: a running backfill
-- ({"start","end","current","paused","inputs","labels"}); fingerprint: the trigger's definition, to start over when it changes.
CREATE TABLE triggers (
    namespace          TEXT    NOT NULL,
    flow_id            TEXT    NOT NULL,
    trigger_id         TEXT    NOT NULL,
    type               TEXT    NOT NULL,
    fingerprint        TEXT    NOT NULL,
    next_date          TEXT,
    last_date          TEXT,
    last_execution_id  TEXT,
    disabled           INTEGER,
    backfill_json      TEXT,
    last_error         TEXT,
    version            INTEGER NOT NULL,
    updated_at         TEXT    NOT NULL,
    PRIMARY KEY (namespace, flow_id, trigger_id)
) WITHOUT ROWID;

-- trigger_windows: for conditions to be met within a window (MultipleCondition, preconditions, dependsOn), when each
-- member was last met and the outputs of that execution ({"member": {"at": date, "outputs": {...}}}).
CREATE TABLE trigger_windows (
    namespace   TEXT NOT NULL,
    flow_id     TEXT NOT NULL,
    trigger_id  TEXT NOT NULL,
    window_id   TEXT NOT NULL,
    met_json    TEXT NOT NULL,
    PRIMARY KEY (namespace, flow_id, trigger_id, window_id)
) WITHOUT ROWID;

-- execution_ends: an outbox row per execution that ended, written in the commit that ended it; Flow triggers and
-- stopAfter read it, and the transaction that acts on a row (starting executions) also deletes it: exactly once.
CREATE TABLE execution_ends (
    seq           INTEGER PRIMARY KEY AUTOINCREMENT,
    execution_id  TEXT NOT NULL,
    ended_at      TEXT NOT NULL
);

-- flow_changes: a counter every flow revision bumps (also those written by other processes), so a scheduler notices
-- deployments with one cheap read.
CREATE TABLE flow_changes (id INTEGER PRIMARY KEY CHECK (id = 1), seq INTEGER NOT NULL);
INSERT INTO flow_changes (id, seq) VALUES (1, 0);
CREATE TRIGGER flows_changed AFTER INSERT ON flows BEGIN UPDATE flow_changes SET seq = seq + 1 WHERE id = 1; END;
