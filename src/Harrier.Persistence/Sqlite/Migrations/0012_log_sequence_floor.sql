-- A purge (PurgeLogs, or an execution deleted with its logs) may delete the newest chunk, or its last lines. Appends
-- start where the newest chunk ends (0003), so they would hand out again sequences that readers have already seen.
-- This row keeps the first sequence never handed out, as it was before the purge; an append starts at the greater of
-- the two. Written only by purges, so the append's hot path gains one primary-key read.
CREATE TABLE log_sequence_floor (
    id    INTEGER PRIMARY KEY CHECK (id = 1),
    next  INTEGER NOT NULL
);
