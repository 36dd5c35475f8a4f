-- The server: deployed flows with their revisions, and namespaces' key-value pairs.
--
-- flows: one row per revision of a flow. A deletion is a revision too (deleted = 1, the last source kept), so numbers are
-- never reused when a flow is deleted and deployed again. latest = 1 marks each flow's newest revision (exactly one row per
-- flow, moved in the transaction that adds a revision), so reads of the current flows never aggregate over revisions.
CREATE TABLE flows (
    namespace    TEXT    NOT NULL,
    flow_id      TEXT    NOT NULL,
    revision     INTEGER NOT NULL,
    source       TEXT    NOT NULL,
    -- [{"key":"k","value":"v"}] (Json/StoredJson), for label filters.
    labels_json  TEXT    NOT NULL,
    deleted      INTEGER NOT NULL,
    latest       INTEGER NOT NULL,
    updated_at   TEXT    NOT NULL,
    PRIMARY KEY (namespace, flow_id, revision)
) WITHOUT ROWID;

CREATE UNIQUE INDEX flows_latest ON flows (namespace, flow_id) WHERE latest = 1;

-- kv_entries: value_json is the value as plain JSON (dates and durations as ISO-8601 text); type is Kestra's KV type name.
-- expires_at is NULL for pairs that never expire; an expired pair stays until it is overwritten or deleted.
CREATE TABLE kv_entries (
    namespace    TEXT NOT NULL,
    key          TEXT NOT NULL,
    type         TEXT NOT NULL,
    value_json   TEXT NOT NULL,
    description  TEXT,
    created_at   TEXT NOT NULL,
    updated_at   TEXT NOT NULL,
    expires_at   TEXT,
    PRIMARY KEY (namespace, key)
) WITHOUT ROWID;
