-- The state an execution's kill ends in when the executor stopped it for a violated SLA (FAILED or CANCELLED, Kestra's
-- behaviours); NULL for a kill asked by a user or a task, which ends KILLED.
ALTER TABLE executions ADD COLUMN kill_end_state TEXT;
