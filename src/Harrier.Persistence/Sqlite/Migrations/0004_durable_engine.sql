-- The durable engine: coordination lives in the store, so any process may die at any instruction and several
-- processes may share one data directory.
--
-- Change sequence. executions.change_seq grows by one in every transaction that writes the execution row or any
-- of its task runs; each task run written takes the new value in task_runs.change_seq. So a reader can ask for
-- "what changed since N" (a planning pass reads only that), and a writer that read a task run at change_seq V
-- updates it only WHERE change_seq = V: two writers conflict instead of overwriting each other.
ALTER TABLE executions ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
-- The change_seq up to which the planner has consumed task run changes (its next pass reads the ones after it).
ALTER TABLE executions ADD COLUMN planned_seq INTEGER NOT NULL DEFAULT 0;
-- The process that runs the execution (harrier run, harrier executions recover), as ProcessIdentity text;
-- NULL: the pool every server process works on. Jobs and wake-ups carry a copy so claims filter on one table.
ALTER TABLE executions ADD COLUMN owner TEXT;
-- A stored kill request: the executor moves the execution to KILLING, workers running its tasks stop them.
ALTER TABLE executions ADD COLUMN kill_requested_at TEXT;
-- The execution (and its task run) that started this one (a Subflow): the commit that ends this one wakes it.
ALTER TABLE executions ADD COLUMN parent_execution_id TEXT;
ALTER TABLE executions ADD COLUMN parent_task_run_id TEXT;
-- The planner's memo of finished prefixes of the top-level lists (see Json/StoredJson.WriteProgress).
ALTER TABLE executions ADD COLUMN progress_json TEXT;

-- Flow documents are stored once per distinct text (id: SHA-256 of the text). Executions stored from now on reference
-- theirs by id and keep flow_source empty; older ones keep their text inline (flow_source_id NULL). Reading an execution
-- no longer drags its whole flow along: a step of a 5,000-task flow read ~300 KB of YAML per read before.
CREATE TABLE flow_sources (
    id      TEXT NOT NULL PRIMARY KEY,
    source  TEXT NOT NULL
) WITHOUT ROWID;
ALTER TABLE executions ADD COLUMN flow_source_id TEXT;

CREATE INDEX executions_unfinished ON executions (owner)
    WHERE state NOT IN ('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED');

ALTER TABLE task_runs ADD COLUMN change_seq INTEGER NOT NULL DEFAULT 0;
-- ForEach values of the enclosing iterations, outermost first (the keys of outputs.task['v1']['v2']); NULL: none.
ALTER TABLE task_runs ADD COLUMN output_path_json TEXT;
-- The planner's memo of finished prefixes of this flowable's child lists.
ALTER TABLE task_runs ADD COLUMN progress_json TEXT;
-- Set only by this migration on older duplicates of a task run identity (see below); never written afterwards.
ALTER TABLE task_runs ADD COLUMN superseded INTEGER NOT NULL DEFAULT 0;

-- Earlier versions re-ran a WorkingDirectory's children as new task runs beside the ones a stopped worker left
-- KILLED. Those older duplicates stay readable as history, marked superseded, outside the identity constraint.
UPDATE task_runs SET superseded = 1
WHERE EXISTS (
    SELECT 1 FROM task_runs AS newer
    WHERE newer.execution_id = task_runs.execution_id
      AND newer.task_id = task_runs.task_id
      AND IFNULL(newer.parent_task_run_id, '') = IFNULL(task_runs.parent_task_run_id, '')
      AND IFNULL(newer.iteration, -1) = IFNULL(task_runs.iteration, -1)
      AND newer.ordinal > task_runs.ordinal);

-- A task run is unique by (execution, task, parent, iteration): a planner that somehow planned the same step twice
-- fails its commit instead of running the task twice.
CREATE UNIQUE INDEX task_runs_identity ON task_runs
    (execution_id, task_id, IFNULL(parent_task_run_id, ''), IFNULL(iteration, -1)) WHERE superseded = 0;
CREATE INDEX task_runs_changes ON task_runs (execution_id, change_seq);
CREATE INDEX task_runs_unfinished ON task_runs (execution_id)
    WHERE state NOT IN ('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED');
CREATE INDEX task_runs_with_outputs ON task_runs (execution_id) WHERE outputs_json <> '{}';

-- ForEach values, one row each, written once when the ForEach decides them: a planning pass reads the few it
-- needs instead of a document of every value.
CREATE TABLE foreach_values (
    task_run_id  TEXT    NOT NULL,
    idx          INTEGER NOT NULL,
    value        TEXT    NOT NULL,
    PRIMARY KEY (task_run_id, idx)
) WITHOUT ROWID;

-- Jobs: lease_epoch grows at every claim, and every write under a lease names the epoch it holds, so a worker whose
-- lease was taken over (it paused, its renewals failed) can neither renew, complete nor commit.
ALTER TABLE jobs ADD COLUMN owner TEXT;
ALTER TABLE jobs ADD COLUMN lease_epoch INTEGER NOT NULL DEFAULT 0;
CREATE INDEX jobs_owner_due ON jobs (owner, not_before, id);
-- Claims now always name an owner scope, which jobs_owner_due serves; the old index only cost a page per job write.
DROP INDEX jobs_due;

-- Durable wake-ups of executors: one row per execution that must be planned again. Whatever changes an execution
-- writes (or bumps) its row in the same transaction; an executor claims a row under a lease, plans, and in its
-- fenced commit deletes the row if no wake-up came meanwhile (wake_count unchanged), or frees it for another pass.
CREATE TABLE execution_wakeups (
    execution_id      TEXT    NOT NULL PRIMARY KEY,
    owner             TEXT,
    due_at            TEXT    NOT NULL,
    wake_count        INTEGER NOT NULL,
    lease_owner       TEXT,
    lease_epoch       INTEGER NOT NULL DEFAULT 0,
    lease_expires_at  TEXT
);

CREATE INDEX execution_wakeups_due ON execution_wakeups (owner, due_at);

-- Harrier processes using this database, for liveness (heartbeats) and messages ("held by process 1234").
CREATE TABLE processes (
    id            TEXT    NOT NULL PRIMARY KEY,
    host          TEXT    NOT NULL,
    pid           INTEGER NOT NULL,
    kind          TEXT    NOT NULL,
    started_at    TEXT    NOT NULL,
    heartbeat_at  TEXT    NOT NULL
);

-- Executions that were running when this migration ran belong to no live process: they are interrupted, waiting for
-- 'harrier executions recover' (or a server) to adopt them. Mark them with an owner no process will ever have.
UPDATE executions SET owner = 'migrated:0:0'
WHERE state NOT IN ('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED');
UPDATE jobs SET owner = 'migrated:0:0';
