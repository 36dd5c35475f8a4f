-- Flow concurrency counts the stored, unfinished executions of a flow, CREATED included (an execution counts from the moment
-- it is stored, so a burst of starts cannot overshoot the limit): the partial index of 0006 left CREATED out, which made the
-- count read every execution of the flow. The list must stay identical to ConcurrencyAdmission.ActiveStates, or SQLite
-- cannot use the index.
DROP INDEX executions_active;
CREATE INDEX executions_admitted ON executions (namespace, flow_id)
    WHERE state IN ('CREATED', 'RUNNING', 'KILLING', 'PAUSED', 'RETRYING', 'RESTARTED');

-- "Is a Flow trigger registered?" is asked by every commit that ends an execution (ExecutionEndRows).
CREATE INDEX triggers_type ON triggers (type);
