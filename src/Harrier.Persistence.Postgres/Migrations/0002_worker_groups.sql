-- Process roles and worker groups (harrier server executor | worker [--group KEY] | scheduler | webserver).
--
-- A worker's group is recorded with its process (kind says its role), so an executor can tell whether a group has a
-- live worker (a fresh heartbeat); when none has, the task's workerGroup.fallback applies (FAIL, CANCEL or WAIT).
-- NULL: a worker of the default group (it takes group-less jobs only), or a process that is no worker.
ALTER TABLE processes ADD COLUMN worker_group text COLLATE "C";

-- Executors look for claimable jobs that have a group (jobs.worker_group, there since 0001); most jobs have none.
CREATE INDEX jobs_grouped ON jobs (owner, not_before, id) WHERE worker_group IS NOT NULL;
