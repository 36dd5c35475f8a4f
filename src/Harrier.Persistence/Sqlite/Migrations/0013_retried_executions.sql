-- retry.behavior CREATE_NEW_EXECUTION (Kestra's metadata.attemptNumber, originalId, metadata.originalCreatedDate): each
-- new execution of a chain of retries counts one more attempt and names the first one. retry_at is set while a RETRIED
-- execution waits for its next attempt to be created, and cleared in the commit that creates it.
ALTER TABLE executions ADD COLUMN attempt_number INTEGER NOT NULL DEFAULT 1;
ALTER TABLE executions ADD COLUMN original_id TEXT;
ALTER TABLE executions ADD COLUMN original_created_at TEXT;
ALTER TABLE executions ADD COLUMN retry_at TEXT;

-- The RETRIED executions still waiting for their next attempt: recovered like unfinished ones when their owner dies.
CREATE INDEX executions_retry_pending ON executions (created_at) WHERE retry_at IS NOT NULL;
