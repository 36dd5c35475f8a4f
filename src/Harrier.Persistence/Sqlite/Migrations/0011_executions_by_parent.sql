-- The executions an execution started (Subflow, ForEachItem), found when it is killed: a kill cascades to all of them,
-- those it does not wait for included, as in Kestra.
CREATE INDEX executions_by_parent ON executions (parent_execution_id) WHERE parent_execution_id IS NOT NULL;
