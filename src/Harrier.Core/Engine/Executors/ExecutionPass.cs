using Harrier.Core.Engine.Coordination;
using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Queue;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// One planning pass of one execution under its planning lease: read, plan with the pure planner, and commit the task
/// runs, jobs, execution fields and the wake-up's completion in one fenced transaction. The executor is the only
/// writer of flowable and execution states.
/// </summary>
internal sealed class ExecutionPass(EngineServices services, LogWriter logs, FlowCache flows, PlanningReads reads, FlowOutputsRenderer outputs, IEngineNudges nudges, SlaCheck slas)
{
    /// <summary>The most children one kill cascades to in a pass (the newest first); the planner still stops those it waits for.</summary>
    private const int MaxCascade = 10_000;

    private readonly SubflowStarter _subflows = new(services, flows);

    /// <summary>The files the pass asked for, before its commit refers to them (rewritten alike if the commit does not happen).</summary>
    private async Task WriteFilesAsync(ExecutionPlan plan, CancellationToken cancellationToken)
    {
        if (services.Files is not { } storage)
        {
            return;
        }

        foreach (var file in plan.Files)
        {
            using var content = new MemoryStream(System.Text.Encoding.UTF8.GetBytes(file.Content));
            await storage.PutAsync(file.Uri, content, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Plans and commits; returns false when the commit met a concurrent task run write (plan again).</summary>
    public async Task<bool> RunAsync(PlanningLease lease, CancellationToken cancellationToken)
    {
        var read = await services.Store.ReadForPlanningAsync(lease.ExecutionId, cancellationToken).ConfigureAwait(false);

        // The wake-ups counted in the read's snapshot are what this pass plans from, including those that came after the
        // lease was taken: the commit completes them all, and only one that comes after the read asks for another pass.
        if (read?.WakeCount is { } seen && seen > lease.WakeCount)
        {
            lease = lease with { WakeCount = seen };
        }

        if (read?.Execution is { State: State.Retried, RetryAt: { } due } retried)
        {
            await CreateNextAttemptAsync(lease, retried, due, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (read is null || read.Execution.State.IsTerminal())
        {
            // Nothing to plan (the execution ended, or is gone): the wake-up is simply done.
            await services.Commits.CommitPlanAsync(new PlanCommit(lease), cancellationToken).ConfigureAwait(false);
            return true;
        }

        var execution = read.Execution;
        var now = services.Time.GetUtcNow();
        if (execution.State == State.Queued)
        {
            // Waiting for the flow's concurrency limit: nothing runs until the end of another execution promotes it, but
            // a kill ends it here and now.
            var killed = execution.KillRequestedAt is null ? null : execution with { State = State.Killed, EndDate = now };
            await services.Commits.CommitPlanAsync(new PlanCommit(lease) { Execution = killed }, cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (execution.KillRequestedAt is not null && execution.State is not (State.Killing or State.Killed))
        {
            execution = execution with { State = State.Killing, StartDate = execution.StartDate ?? now };
        }

        if (execution.State == State.Created)
        {
            execution = execution with { State = State.Running, StartDate = now };
        }

        var flow = await flows.GetAsync(execution, cancellationToken).ConfigureAwait(false);
        if (execution.KillRequestedAt is null && NewExecutionRetry.FindFailed(flow, read) is { } failed
            && NewExecutionRetry.NextAttemptAt(failed.Retry, execution, now) is { } retryAt)
        {
            await RetryAsync(lease, execution with { PlannedSeq = read.Execution.ChangeSeq }, failed.Run, (now, retryAt), cancellationToken).ConfigureAwait(false);
            return true;
        }

        DateTimeOffset? slaDeadline = null;
        if (flow.Sla.Count > 0 && execution.KillRequestedAt is null)
        {
            (execution, slaDeadline) = await CheckSlasAsync(flow, execution, read, now, cancellationToken).ConfigureAwait(false);
        }

        var plan = await reads.PlanAsync(flow, execution, read, cancellationToken).ConfigureAwait(false);
        plan = await _subflows.StartAsync(flow, execution, plan, cancellationToken).ConfigureAwait(false);
        await WriteFilesAsync(plan, cancellationToken).ConfigureAwait(false);
        var updated = execution with
        {
            State = plan.ExecutionState,
            PlannedSeq = read.Execution.ChangeSeq,
            Progress = plan.ExecutionProgress,
        };
        if (plan.IsFinished)
        {
            updated = await ConcludeAsync(flow, updated, plan, cancellationToken).ConfigureAwait(false);

            // Whoever sees the final state finds every line already stored (a pass retried after a conflict may log twice).
            WriteLogs(plan);
            await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
        }

        var kills = await KillsAsync(plan, updated, read, cancellationToken).ConfigureAwait(false);
        try
        {
            await services.Commits.CommitPlanAsync(new PlanCommit(lease)
            {
                TaskRuns = plan.SavedTaskRuns,
                Jobs = plan.Jobs,
                Execution = updated,
                CancelUnleasedJobs = updated.State is State.Killing or State.Killed,
                WakeAt = updated.State.IsTerminal() || slaDeadline is null || (plan.WakeAt is { } wake && wake < slaDeadline) ? plan.WakeAt : slaDeadline,
                NewExecutions = plan.NewExecutions,
                KillExecutions = kills,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // A worker wrote one of the runs this pass changed (it claimed a job the pass was killing): decide again.
            return false;
        }

        if (plan.Jobs.Count > 0)
        {
            nudges.JobsAvailable(plan.Jobs.Count);
        }

        if (plan.NewExecutions.Count > 0 || plan.KillChildren.Count > 0)
        {
            nudges.ExecutionsChanged();
        }

        // The children killed (and this execution, stopped for a violated SLA): this process's workers stop their running
        // attempts at once.
        foreach (var killed in kills)
        {
            nudges.KillRequested(killed);
        }

        if (plan.IsFinished)
        {
            nudges.ExecutionEnded(execution.Id);
        }
        else
        {
            WriteLogs(plan);
        }

        return true;
    }

    /// <summary>
    /// The kills this pass's commit requests: the children the planner stops (those it waits for), this execution itself
    /// when a violated SLA stops it, and — in the pass where the execution starts being killed — every unfinished execution
    /// it started, those it does not wait for included (Kestra cascades a kill to every execution an execution triggered).
    /// Requests are conditional writes, so a pass run twice asks nothing twice.
    /// </summary>
    private async Task<IReadOnlyList<string>> KillsAsync(ExecutionPlan plan, Execution updated, PlanningRead read, CancellationToken cancellationToken)
    {
        var kills = new List<string>(plan.KillChildren);
        if (updated.KillEndState is not null && read.Execution.KillRequestedAt is null)
        {
            kills.Add(updated.Id);
        }

        if (updated.State is State.Killing or State.Killed && read.Execution.State is not (State.Killing or State.Killed))
        {
            var children = await services.Store.ListExecutionsAsync(new ExecutionQuery { ParentExecutionId = updated.Id, Limit = MaxCascade }, cancellationToken).ConfigureAwait(false);
            kills.AddRange(children.Where(c => !c.State.IsTerminal() && c.KillRequestedAt is null && !kills.Contains(c.Id)).Select(c => c.Id));
        }

        return kills;
    }

    /// <summary>
    /// Applies the first violated SLA, as Kestra does: its labels are added (once); FAIL or CANCEL stops the execution —
    /// a kill, requested in this pass's commit, that ends in FAILED or CANCELLED instead of KILLED — with an error line
    /// saying which SLA and why. Returns the execution to plan and, when nothing is violated, the next MAX_DURATION deadline.
    /// </summary>
    private async Task<(Execution Execution, DateTimeOffset? Deadline)> CheckSlasAsync(
        Flows.FlowDefinition flow, Execution execution, PlanningRead read, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var (violation, deadline) = await slas.EvaluateAsync(flow, execution, [.. read.Unfinished, .. read.Changed], now, cancellationToken).ConfigureAwait(false);
        if (violation is null)
        {
            return (execution, deadline);
        }

        var sla = violation.Sla;
        if (sla.Labels.Any(label => !execution.Labels.Contains(label))
            && await services.Store.AddLabelsAsync(execution.Id, sla.Labels, cancellationToken).ConfigureAwait(false) is { } labels)
        {
            execution = execution with { Labels = labels };
            if (sla.Behavior == "NONE")
            {
                logs.Write(new LogEntry { ExecutionId = execution.Id, Level = TaskLogLevel.Warn, Message = $"SLA '{sla.Id}' violated: {violation.Reason}", Timestamp = now });
            }
        }

        var endState = sla.Behavior switch { "FAIL" => State.Failed, "CANCEL" => State.Cancelled, _ => (State?)null };
        if (endState is null)
        {
            return (execution, null);
        }

        var message = $"SLA '{sla.Id}' violated, the execution {(endState == State.Failed ? "fails" : "is cancelled")}: {violation.Reason}";
        logs.Write(new LogEntry { ExecutionId = execution.Id, Level = TaskLogLevel.Error, Message = message, Timestamp = now });
        return (execution with { State = State.Killing, KillRequestedAt = now, KillEndState = endState, Error = message }, null);
    }

    /// <summary>
    /// The parent's Subflow task when it has Kestra's deprecated <c>outputs</c> map (only read when this flow declares no
    /// outputs, as in Kestra): they are rendered here, where this execution's task outputs are, and come back to the
    /// parent as this execution's outputs (<c>outputs.&lt;task&gt;.outputs.&lt;name&gt;</c>).
    /// </summary>
    private async Task<TaskDefinition?> ParentExtractionAsync(Execution execution, CancellationToken cancellationToken)
    {
        if (execution.ParentExecutionId is not { } parentId || execution.ParentTaskRunId is not { } parentRunId
            || await services.Store.GetExecutionAsync(parentId, cancellationToken).ConfigureAwait(false) is not { } parent
            || await services.Store.GetTaskRunAsync(parentRunId, cancellationToken).ConfigureAwait(false) is not { } parentRun)
        {
            return null;
        }

        var task = (await flows.GetAsync(parent, cancellationToken).ConfigureAwait(false)).FindTask(parentRun.TaskId);
        return task is { Type: Tasks.Types.CoreTaskTypes.Subflow } && task.Node["outputs"] is Yaml.YMapping ? task : null;
    }

    private void WriteLogs(ExecutionPlan plan)
    {
        foreach (var log in plan.Logs)
        {
            logs.Write(log);
        }
    }

    /// <summary>
    /// Ends the execution RETRIED because <paramref name="failed"/> retries by a new execution (<see cref="NewExecutionRetry"/>):
    /// the task run RETRIED, jobs not yet claimed removed, and a wake-up when the delay is over to create the next attempt.
    /// </summary>
    /// <remarks>The delay counts from the end written here (<paramref name="times"/>: the pass's now, and now plus the delay).</remarks>
    private async Task RetryAsync(PlanningLease lease, Execution execution, TaskRun failed, (DateTimeOffset Now, DateTimeOffset RetryAt) times, CancellationToken cancellationToken)
    {
        var (now, retryAt) = times;
        logs.Write(new LogEntry
        {
            ExecutionId = execution.Id,
            TaskRunId = failed.Id,
            TaskId = failed.TaskId,
            Level = TaskLogLevel.Warn,
            Message = $"task '{failed.TaskId}' failed; its retry creates a new execution: attempt {execution.AttemptNumber + 1} ({NewExecutionRetry.NextId(execution)}) starts at {retryAt:O}",
            Timestamp = now,
        });
        await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await services.Commits.CommitPlanAsync(new PlanCommit(lease)
            {
                TaskRuns = [failed with { State = State.Retried }],
                Execution = execution with { State = State.Retried, StartDate = execution.StartDate ?? now, EndDate = now, RetryAt = retryAt },
                CancelUnleasedJobs = true,
                WakeAt = retryAt,
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            // A worker wrote a task run meanwhile: the next pass decides again, from what is stored.
            return;
        }

        nudges.ExecutionEnded(execution.Id);
    }

    /// <summary>
    /// The pass of a RETRIED execution waiting for its next attempt: before <paramref name="due"/> it only waits again; then
    /// it creates the next execution (unless it is already stored) and clears the retry time, in one commit. A kill
    /// requested meanwhile clears the retry time and creates nothing.
    /// </summary>
    private async Task CreateNextAttemptAsync(PlanningLease lease, Execution retried, DateTimeOffset due, CancellationToken cancellationToken)
    {
        var now = services.Time.GetUtcNow();
        if (retried.KillRequestedAt is not null)
        {
            // Killed while waiting: the next attempt is cancelled, and the chain ends here.
            logs.Write(new LogEntry { ExecutionId = retried.Id, Level = TaskLogLevel.Warn, Message = $"killed: the next attempt ({retried.AttemptNumber + 1}) is not created", Timestamp = now });
            await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
            await services.Commits.CommitPlanAsync(new PlanCommit(lease) { Execution = retried with { RetryAt = null } }, cancellationToken).ConfigureAwait(false);
            nudges.ExecutionsChanged();
            return;
        }

        if (now < due)
        {
            await services.Commits.CommitPlanAsync(new PlanCommit(lease) { WakeAt = due }, cancellationToken).ConfigureAwait(false);
            return;
        }

        var exists = await services.Store.GetExecutionAsync(NewExecutionRetry.NextId(retried), cancellationToken).ConfigureAwait(false) is not null;
        var flow = await flows.GetAsync(retried, cancellationToken).ConfigureAwait(false);
        await services.Commits.CommitPlanAsync(new PlanCommit(lease)
        {
            Execution = retried with { RetryAt = null },
            NewExecutions = exists ? [] : [NewExecutionRetry.Next(retried, flow, now)],
        }, cancellationToken).ConfigureAwait(false);
        nudges.ExecutionsChanged();
    }

    /// <summary>Fails the execution with <paramref name="error"/> (it could not be planned), under the same lease.</summary>
    public async Task FailAsync(PlanningLease lease, string error, CancellationToken cancellationToken)
    {
        var execution = await services.Store.GetExecutionAsync(lease.ExecutionId, cancellationToken).ConfigureAwait(false);
        if (execution is null || execution.State.IsTerminal())
        {
            await services.Commits.CommitPlanAsync(new PlanCommit(lease), cancellationToken).ConfigureAwait(false);
            return;
        }

        var now = services.Time.GetUtcNow();
        logs.Write(new LogEntry { ExecutionId = execution.Id, Level = TaskLogLevel.Error, Message = error, Timestamp = now });
        await logs.FlushAsync(cancellationToken).ConfigureAwait(false);
        await services.Commits.CommitPlanAsync(new PlanCommit(lease)
        {
            Execution = execution with { State = State.Failed, Error = error, EndDate = now, StartDate = execution.StartDate ?? now },
            CancelUnleasedJobs = true,
        }, cancellationToken).ConfigureAwait(false);
        nudges.ExecutionEnded(execution.Id);
    }

    /// <summary>A finishing execution gets its end date and flow outputs (rendered over every task run with outputs).</summary>
    private async Task<Execution> ConcludeAsync(FlowDefinition flow, Execution updated, ExecutionPlan plan, CancellationToken cancellationToken)
    {
        updated = updated with { EndDate = services.Time.GetUtcNow() };
        var extracted = flow.Outputs.Count == 0 ? await ParentExtractionAsync(updated, cancellationToken).ConfigureAwait(false) : null;
        if (flow.Outputs.Count == 0 && extracted is null)
        {
            return updated;
        }

        var stored = await services.Store.GetTaskRunsWithOutputsAsync(updated.Id, cancellationToken).ConfigureAwait(false);
        var saved = plan.SavedTaskRuns.ToDictionary(run => run.Id, StringComparer.Ordinal);
        var runs = stored.Where(run => !saved.ContainsKey(run.Id)).Concat(plan.SavedTaskRuns).ToList();
        var (values, error) = extracted is { } subflowTask
            ? outputs.RenderExtraction(flow, updated, runs, subflowTask)
            : outputs.Render(flow, updated, runs);
        updated = updated with { Outputs = values };
        if (error is null)
        {
            return updated;
        }

        logs.Write(new LogEntry { ExecutionId = updated.Id, Level = TaskLogLevel.Error, Message = error, Timestamp = services.Time.GetUtcNow() });

        // Outputs usually read tasks that a failure or a kill kept from running: the execution keeps the
        // state and error that say why it ended, and only a successful one fails on its outputs. Outputs its parent's
        // Subflow task extracts are the parent's concern (Kestra): this execution keeps its state, and the reason, as its
        // error, fails that task.
        if (updated.State.IsFailure())
        {
            return updated;
        }

        return extracted is null ? updated with { State = State.Failed, Error = error } : updated with { Error = error };
    }
}
