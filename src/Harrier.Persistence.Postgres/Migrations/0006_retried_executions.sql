-- retry.behavior CREATE_NEW_EXECUTION (see SQLite's 0013): the attempt number and first execution of a chain of retries,
-- and, while a RETRIED execution waits for its next attempt to be created, when that attempt is due.
ALTER TABLE executions ADD COLUMN attempt_number integer NOT NULL DEFAULT 1;
ALTER TABLE executions ADD COLUMN original_id text;
ALTER TABLE executions ADD COLUMN original_created_at text;
ALTER TABLE executions ADD COLUMN retry_at text;

CREATE INDEX executions_retry_pending ON executions (created_at) WHERE retry_at IS NOT NULL;
