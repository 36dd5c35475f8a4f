-- Quiet task runs: the runnable children of a ForEach whose body is runnable only. The ForEach's memo tracks their
-- iterations, so a planning pass reads them only when they changed since the previous pass (through task_runs_changes)
-- or while the execution is being killed. The index below holds every other unfinished run: the planning read of an
-- execution with 100,000 iterations running at once costs what changed, not what runs.
ALTER TABLE task_runs ADD COLUMN quiet boolean NOT NULL DEFAULT false;
CREATE INDEX task_runs_unfinished_loud ON task_runs (execution_id, ordinal)
    WHERE state NOT IN ('SUCCESS', 'WARNING', 'FAILED', 'KILLED', 'CANCELLED', 'SKIPPED', 'RETRIED') AND NOT quiet;
