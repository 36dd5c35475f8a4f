-- Harrier on PostgreSQL, schema v1: the tables SQLite reached with its migrations 0001-0007, in one step (see the
-- comments of src/Harrier.Persistence/Sqlite/Migrations for what each column means; only what differs is said here).
--
-- Dates are the same ISO-8601 UTC text with 7 fractional digits as on SQLite (SqliteDates): fixed width, so text order
-- is time order, and .NET's 100 ns precision survives (timestamptz keeps microseconds). Every text column that is
-- compared or sorted uses COLLATE "C" (byte order, as SQLite's BINARY), whatever the database's locale.
-- Every time a lease or a due date is compared with comes from the application's clock (a parameter), never now():
-- the engine's time is injected, and several machines agree on the database's rows, not on their clocks' skew.

CREATE TABLE flow_sources (
    id      text COLLATE "C" NOT NULL PRIMARY KEY,
    source  text NOT NULL
);

CREATE TABLE executions (
    id                   text COLLATE "C" NOT NULL PRIMARY KEY,
    -- Insertion order: breaks ties between executions created in the same instant (SQLite's rowid).
    row_seq              bigint GENERATED ALWAYS AS IDENTITY,
    namespace            text COLLATE "C" NOT NULL,
    flow_id              text COLLATE "C" NOT NULL,
    flow_revision        integer NOT NULL,
    state                text COLLATE "C" NOT NULL,
    inputs_json          text NOT NULL,
    outputs_json         text NOT NULL,
    labels_json          text NOT NULL,
    created_at           text COLLATE "C" NOT NULL,
    start_date           text COLLATE "C",
    end_date             text COLLATE "C",
    flow_source_id       text COLLATE "C" NOT NULL,
    flow_file            text NOT NULL,
    error                text,
    change_seq           bigint NOT NULL DEFAULT 0,
    planned_seq          bigint NOT NULL DEFAULT 0,
    owner                text COLLATE "C",
    kill_requested_at    text COLLATE "C",
    parent_execution_id  text COLLATE "C",
    parent_task_run_id   text COLLATE "C",
    progress_json        text,
    trigger_json         text,
    concurrency_limit    integer
);

CREATE INDEX executions_flow_created ON executions (namespace, flow_id, created_at);
CREATE INDEX executions_created ON executions (created_at, row_seq);
CREATE INDEX executions_unfinished ON executions (owner)
    WHERE state NOT IN ('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED');
CREATE INDEX executions_queued ON executions (namespace, flow_id, created_at) WHERE state = 'QUEUED';
CREATE INDEX executions_admitted ON executions (namespace, flow_id)
    WHERE state IN ('CREATED', 'RUNNING', 'KILLING', 'PAUSED', 'RETRYING', 'RESTARTED');

CREATE TABLE task_runs (
    id                  text COLLATE "C" NOT NULL PRIMARY KEY,
    execution_id        text COLLATE "C" NOT NULL REFERENCES executions (id) ON DELETE CASCADE,
    ordinal             integer NOT NULL,
    task_id             text COLLATE "C" NOT NULL,
    parent_task_run_id  text COLLATE "C",
    value               text,
    iteration           integer,
    state               text COLLATE "C" NOT NULL,
    attempts_json       text NOT NULL,
    outputs_json        text NOT NULL,
    decision_json       text,
    created_at          text COLLATE "C" NOT NULL,
    end_date            text COLLATE "C",
    next_attempt_at     text COLLATE "C",
    change_seq          bigint NOT NULL,
    output_path_json    text,
    progress_json       text
);

CREATE UNIQUE INDEX task_runs_execution_ordinal ON task_runs (execution_id, ordinal);
-- A planner that somehow planned the same step twice fails its commit instead of running the task twice.
CREATE UNIQUE INDEX task_runs_identity ON task_runs
    (execution_id, task_id, COALESCE(parent_task_run_id, ''), COALESCE(iteration, -1));
CREATE INDEX task_runs_changes ON task_runs (execution_id, change_seq);
CREATE INDEX task_runs_unfinished ON task_runs (execution_id, ordinal)
    WHERE state NOT IN ('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED');
CREATE INDEX task_runs_with_outputs ON task_runs (execution_id, ordinal) WHERE outputs_json <> '{}';

CREATE TABLE metrics (
    task_run_id   text COLLATE "C" NOT NULL REFERENCES task_runs (id) ON DELETE CASCADE,
    position      integer NOT NULL,
    execution_id  text COLLATE "C" NOT NULL,
    name          text NOT NULL,
    type          text NOT NULL,
    value         double precision NOT NULL,
    tags_json     text NOT NULL,
    PRIMARY KEY (task_run_id, position)
);

CREATE INDEX metrics_execution ON metrics (execution_id);

CREATE TABLE foreach_values (
    task_run_id  text COLLATE "C" NOT NULL,
    idx          integer NOT NULL,
    value        text NOT NULL,
    PRIMARY KEY (task_run_id, idx)
);

-- Log lines in chunks, the payload exactly as on SQLite (Logs/LogChunkEncoder; format in SQLite's migration 0003).
CREATE TABLE log_chunks (
    first_seq        bigint NOT NULL PRIMARY KEY,
    line_count       integer NOT NULL,
    execution_id     text COLLATE "C" NOT NULL,
    task_run_id      text COLLATE "C",
    task_id          text COLLATE "C",
    attempt          integer,
    first_timestamp  text COLLATE "C" NOT NULL,
    payload          bytea NOT NULL
);

CREATE INDEX log_chunks_execution_seq ON log_chunks (execution_id, first_seq);

-- The next log sequence. An append takes its block by updating this row, whose lock it holds until it commits: blocks
-- are handed out in commit order, so a reader that sees a line also sees every line before it, and an "after sequence"
-- cursor never skips a line another transaction was still writing (a sequence object would hand out numbers that
-- commit out of order).
CREATE TABLE log_sequence (
    id    integer NOT NULL PRIMARY KEY CHECK (id = 1),
    next  bigint NOT NULL
);
INSERT INTO log_sequence (id, next) VALUES (1, 1);

-- The worker job queue; claims take the oldest due row with FOR UPDATE SKIP LOCKED, so claimers never wait on each other.
CREATE TABLE jobs (
    id                bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id      text COLLATE "C" NOT NULL,
    task_run_id       text COLLATE "C" NOT NULL,
    attempt           integer NOT NULL,
    worker_group      text COLLATE "C",
    not_before        text COLLATE "C" NOT NULL,
    lease_owner       text COLLATE "C",
    lease_expires_at  text COLLATE "C",
    lease_epoch       bigint NOT NULL DEFAULT 0,
    enqueued_at       text COLLATE "C" NOT NULL,
    owner             text COLLATE "C"
);

CREATE INDEX jobs_owner_due ON jobs (owner, not_before, id);
CREATE INDEX jobs_execution ON jobs (execution_id);

CREATE TABLE execution_wakeups (
    execution_id      text COLLATE "C" NOT NULL PRIMARY KEY,
    owner             text COLLATE "C",
    due_at            text COLLATE "C" NOT NULL,
    wake_count        bigint NOT NULL,
    lease_owner       text COLLATE "C",
    lease_epoch       bigint NOT NULL DEFAULT 0,
    lease_expires_at  text COLLATE "C"
);

CREATE INDEX execution_wakeups_due ON execution_wakeups (owner, due_at);

CREATE TABLE processes (
    id            text COLLATE "C" NOT NULL PRIMARY KEY,
    host          text NOT NULL,
    pid           integer NOT NULL,
    kind          text NOT NULL,
    started_at    text COLLATE "C" NOT NULL,
    heartbeat_at  text COLLATE "C" NOT NULL
);

CREATE TABLE flows (
    namespace    text COLLATE "C" NOT NULL,
    flow_id      text COLLATE "C" NOT NULL,
    revision     integer NOT NULL,
    source       text NOT NULL,
    labels_json  text NOT NULL,
    deleted      boolean NOT NULL,
    latest       boolean NOT NULL,
    updated_at   text COLLATE "C" NOT NULL,
    PRIMARY KEY (namespace, flow_id, revision)
);

CREATE UNIQUE INDEX flows_latest ON flows (namespace, flow_id) WHERE latest;

CREATE TABLE kv_entries (
    namespace    text COLLATE "C" NOT NULL,
    key          text COLLATE "C" NOT NULL,
    type         text NOT NULL,
    value_json   text NOT NULL,
    description  text,
    created_at   text COLLATE "C" NOT NULL,
    updated_at   text COLLATE "C" NOT NULL,
    expires_at   text COLLATE "C",
    PRIMARY KEY (namespace, key)
);

CREATE TABLE triggers (
    namespace          text COLLATE "C" NOT NULL,
    flow_id            text COLLATE "C" NOT NULL,
    trigger_id         text COLLATE "C" NOT NULL,
    type               text COLLATE "C" NOT NULL,
    fingerprint        text NOT NULL,
    next_date          text COLLATE "C",
    last_date          text COLLATE "C",
    last_execution_id  text,
    disabled           boolean,
    backfill_json      text,
    last_error         text,
    version            bigint NOT NULL,
    updated_at         text COLLATE "C" NOT NULL,
    PRIMARY KEY (namespace, flow_id, trigger_id)
);

CREATE INDEX triggers_type ON triggers (type);

CREATE TABLE trigger_windows (
    namespace   text COLLATE "C" NOT NULL,
    flow_id     text COLLATE "C" NOT NULL,
    trigger_id  text COLLATE "C" NOT NULL,
    window_id   text COLLATE "C" NOT NULL,
    met_json    text NOT NULL,
    PRIMARY KEY (namespace, flow_id, trigger_id, window_id)
);

CREATE TABLE execution_ends (
    seq           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    execution_id  text COLLATE "C" NOT NULL,
    ended_at      text COLLATE "C" NOT NULL
);

-- Bumped by every flow revision (FlowRows.Append, in the revision's transaction).
CREATE TABLE flow_changes (id integer PRIMARY KEY CHECK (id = 1), seq bigint NOT NULL);
INSERT INTO flow_changes (id, seq) VALUES (1, 0);
