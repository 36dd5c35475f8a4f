using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Queue;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// One planning pass: walks the flow's task lists against the known task runs, creating the next ones and rolling
/// finished children up into their flowable parents and the execution.
/// </summary>
/// <remarks>
/// Sequential lists and ForEach iterations keep a memo (<see cref="PlanProgress"/>) of their finished prefix, so a walk
/// starts where the last pass stopped and a step costs the same in a 10-step and a 10,000-step flow. The memo is
/// advanced only over terminal runs, in the same commit as the runs it covers.
/// </remarks>
internal sealed class PlanPass(PlanningSnapshot snapshot, PlanWorkspace workspace, IPlanEvaluator evaluator, DateTimeOffset now, Func<string> newId)
{
    private const string Main = "tasks";
    private const string Errors = "errors";
    private const string Finally = "finally";
    private const string Iterations = "iterations";

    private bool Killing => snapshot.Execution.State is State.Killing or State.Killed;

    public State PlanExecution()
    {
        var flow = snapshot.Flow;
        var outcome = WalkBlock(() => WalkSequential(flow.Tasks, null, Main), flow.Errors, flow.Finally, null);
        if (outcome.Running)
        {
            return Killing ? State.Killing : State.Running;
        }

        return Killing ? State.Killed : outcome.State;
    }

    /// <summary>Main list, then <c>errors</c> when it failed, then <c>finally</c>; errors never turn a failure into success.</summary>
    private ListOutcome WalkBlock(Func<ListOutcome> walkMain, IReadOnlyList<TaskDefinition> errors, IReadOnlyList<TaskDefinition> finallyTasks, TaskRun? parent)
    {
        var main = walkMain();
        if (main.Running)
        {
            return main;
        }

        if (main.Failed && errors.Count > 0 && WalkSequential(errors, parent, Errors).Running)
        {
            return ListOutcome.StillRunning;
        }

        var state = main.State;
        if (finallyTasks.Count > 0)
        {
            var final = WalkSequential(finallyTasks, parent, Finally);
            if (final.Running)
            {
                return final;
            }

            state = States.Worst([state, final.State]);
        }

        return ListOutcome.Done(state);
    }

    /// <summary>
    /// Walks a list in order, from its memo when <paramref name="memo"/> names one: the first unfinished task stops the
    /// walk; a failure ends the list (the tasks after it never start).
    /// </summary>
    private ListOutcome WalkSequential(
        IReadOnlyList<TaskDefinition> tasks, TaskRun? parent, string? memo, int? iteration = null, string? value = null, bool isIteration = false)
    {
        iteration ??= parent?.Iteration;
        value ??= parent?.Value;
        var progress = memo is null ? null : GetProgress(parent, memo);
        var worst = progress?.Worst ?? State.Success;
        var next = progress?.Next ?? 0;
        // A memo knows which runs of the list exist (see ListProgress); so does the first pass of an execution nothing
        // else has written yet (stored at change sequence 1; rows older than the sequence have 0).
        var knowsRuns = progress is not null || (parent is null && (snapshot.Execution.Progress is not null || snapshot.Execution is { ChangeSeq: 1, PlannedSeq: 0 }));
        for (; next < tasks.Count; next++)
        {
            var task = tasks[next];
            if (task.Disabled)
            {
                continue;
            }

            var run = workspace.Find(task.Id, parent?.Id, iteration, absentUnlessSeen: knowsRuns);
            if (run is null && Killing)
            {
                SetProgress(parent, memo, new ListProgress(next, worst));
                return ListOutcome.Done(State.Killed);
            }

            run = run is null ? Create(task, parent, iteration, value, isIteration) : Advance(task, run);
            if (!run.State.IsTerminal())
            {
                SetProgress(parent, memo, new ListProgress(next, worst));
                return ListOutcome.StillRunning;
            }

            worst = States.Worst([worst, run.State]);
            if (run.State.IsFailure())
            {
                next = tasks.Count;
                break;
            }
        }

        SetProgress(parent, memo, new ListProgress(next, worst));
        return ListOutcome.Done(worst);
    }

    private ListOutcome WalkParallel(IReadOnlyList<TaskDefinition> tasks, TaskRun parent, int limit)
    {
        var states = new List<State>();
        var running = 0;
        var waiting = false;
        var notStarted = new List<TaskDefinition>();
        foreach (var task in tasks.Where(t => !t.Disabled))
        {
            if (workspace.Find(task.Id, parent.Id, parent.Iteration) is not { } run)
            {
                notStarted.Add(task);
                continue;
            }

            run = Advance(task, run);
            Count(run, states, ref running);
        }

        foreach (var task in notStarted)
        {
            if (Killing || states.Any(s => s.IsFailure()))
            {
                states.Add(Killing ? State.Killed : State.Success);
                continue;
            }

            if (limit > 0 && running >= limit)
            {
                waiting = true;
                break;
            }

            Count(Create(task, parent, parent.Iteration, parent.Value, isIteration: false), states, ref running);
        }

        return running > 0 || waiting ? ListOutcome.StillRunning : ListOutcome.Done(States.Worst(states));
    }

    private static void Count(TaskRun run, List<State> states, ref int running)
    {
        if (run.State.IsTerminal())
        {
            states.Add(run.State);
        }
        else
        {
            running++;
        }
    }

    /// <summary>Moves an existing, unfinished task run on: flowables re-plan their children; waiting runnables die on kill.</summary>
    private TaskRun Advance(TaskDefinition task, TaskRun run)
    {
        if (run.State.IsTerminal())
        {
            return run;
        }

        if (task.IsFlowable)
        {
            return PlanFlowable(task, run);
        }

        if (Killing && run.State is State.Created or State.Retrying)
        {
            return workspace.Update(run with { State = State.Killed, EndDate = now, NextAttemptAt = null });
        }

        return run;
    }

    private TaskRun Create(TaskDefinition task, TaskRun? parent, int? iteration, string? value, bool isIteration)
    {
        var run = new TaskRun
        {
            Id = newId(),
            ExecutionId = snapshot.Execution.Id,
            TaskId = task.Id,
            ParentTaskRunId = parent?.Id,
            Value = value,
            Iteration = iteration,
            State = State.Created,
            CreatedAt = now,
            OutputPath = parent is null ? [] : isIteration ? [.. parent.OutputPath, value!] : parent.OutputPath,
        };
        run = workspace.Add(RunIf(task, run));
        if (run.State.IsTerminal())
        {
            return run;
        }

        if (task.IsFlowable)
        {
            if (task.Type == CoreTaskTypes.WorkingDirectory)
            {
                // Its children share one directory, so one worker runs them all; the executor keeps errors/finally.
                workspace.Jobs.Add(new WorkerJob(snapshot.Execution.Id, run.Id, 0) { WorkerGroup = task.WorkerGroup });
            }

            return PlanFlowable(task, run);
        }

        workspace.Jobs.Add(new WorkerJob(snapshot.Execution.Id, run.Id, 0) { WorkerGroup = task.WorkerGroup });
        return run;
    }

    private TaskRun RunIf(TaskDefinition task, TaskRun run)
    {
        if (task.RunIf is null || task.RunIf.Trim() == "true")
        {
            return run;
        }

        try
        {
            return Truth.IsTruthy(Evaluate(task.RunIf, task, run)) ? run : run with { State = State.Skipped, EndDate = now };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OutputsNotLoadedException)
        {
            workspace.Log(run, TaskLogLevel.Error, $"runIf of task '{task.Id}' could not be evaluated: {ex.Message}", now);
            return run with { State = TaskStatePolicy.Finalize(State.Failed, task), EndDate = now };
        }
    }

    private TaskRun PlanFlowable(TaskDefinition task, TaskRun run)
    {
        if (run.State == State.Created)
        {
            run = workspace.Update(run with { State = State.Running, Attempts = [new TaskRunAttempt(State.Running, now, null)] });
        }

        ListOutcome outcome;
        try
        {
            run = DecideOnce(task, run);
            var decided = run;
            outcome = WalkBlock(() => WalkChildren(task, decided), task.ChildList(Errors), task.ChildList(Finally), run);
        }
        catch (FlowableDecisionException ex)
        {
            workspace.Log(run, TaskLogLevel.Error, ex.Message, now);
            outcome = ListOutcome.Done(State.Failed);
        }

        // The walk may have moved the run's progress on: finish from its latest version.
        run = workspace.Latest(run);
        if (outcome.Running)
        {
            return run;
        }

        var state = TaskStatePolicy.Finalize(outcome.State, task);
        return workspace.Update(run with
        {
            State = state,
            EndDate = now,
            Attempts = [.. run.Attempts.Take(run.Attempts.Count - 1), new TaskRunAttempt(state, run.Attempts.Count > 0 ? run.Attempts[^1].StartDate : now, now)],
        });
    }

    /// <summary>If's branch and ForEach's values are decided when the flowable starts, and kept.</summary>
    private TaskRun DecideOnce(TaskDefinition task, TaskRun run)
    {
        if (run.Decision is not null || task.Type is not (CoreTaskTypes.If or CoreTaskTypes.ForEach))
        {
            return run;
        }

        var property = task.Type == CoreTaskTypes.If ? "condition" : "values";
        if (!TryEvaluateProperty(task, run, property, out var evaluated))
        {
            throw new OutputsNotLoadedException();
        }

        return workspace.Update(run with
        {
            Decision = task.Type == CoreTaskTypes.If
                ? new FlowableDecision { Branch = Truth.IsTruthy(evaluated) ? "then" : "else" }
                : ForEachValues.Decide(evaluated, task.Id),
        });
    }

    private ListOutcome WalkChildren(TaskDefinition task, TaskRun run)
    {
        switch (task.Type)
        {
            case CoreTaskTypes.Parallel:
                var limit = task.Node["concurrent"]?.ToPlain() is long concurrent ? (int)concurrent : 0;
                return WalkParallel(task.ChildList(Main), run, limit);
            case CoreTaskTypes.If:
                var branch = run.Decision!.Branch!;
                return WalkSequential(task.ChildList(branch), run, branch);
            case CoreTaskTypes.ForEach:
                return WalkIterations(task, run);
            case CoreTaskTypes.WorkingDirectory:
                return run.Decision?.WorkerState is { } state ? ListOutcome.Done(state) : ListOutcome.StillRunning;
            default:
                return WalkSequential(task.ChildList(Main), run, Main);
        }
    }

    /// <summary>
    /// ForEach: iterations from the memo's first unfinished one on, at most <c>concurrencyLimit</c> running at once (0: no
    /// limit); an iteration has started once its first task run exists. After a failure no new iteration starts.
    /// </summary>
    private ListOutcome WalkIterations(TaskDefinition task, TaskRun run)
    {
        var count = run.Decision!.CountOfValues;
        var body = task.ChildList(Main);
        var first = body.FirstOrDefault(t => !t.Disabled);
        var limit = task.Node["concurrencyLimit"]?.ToPlain() is long l ? (int)l : 1;
        var progress = GetProgress(run, Iterations);
        var prefix = first is null ? count : progress?.Next ?? 0;
        var knowsStarts = progress is not null || run.Version == 0;
        var started = Math.Max(prefix, progress?.Started ?? 0);
        var prefixWorst = progress?.Worst ?? State.Success;
        var worst = prefixWorst;
        var failed = worst.IsFailure();
        var running = 0;
        var waiting = false;
        var prefixOpen = true;
        for (var i = prefix; i < count; i++)
        {
            // Iterations start in order, so the memo's count says which did; without a memo, the first child's run tells.
            var isStarted = knowsStarts ? i < started : workspace.Find(first!.Id, run.Id, i) is not null;
            if (!isStarted && (Killing || failed))
            {
                // Never started and never will: finished, as far as the memo is concerned.
                prefix += prefixOpen ? 1 : 0;
                continue;
            }

            if (!isStarted && limit > 0 && running >= limit)
            {
                waiting = true;
                break;
            }

            // A started iteration's runs carry its value; only one to start needs it from the decision's values.
            var value = isStarted && workspace.Find(first!.Id, run.Id, i) is { Value: { } carried } ? carried : workspace.Value(run, i);
            if (value is null)
            {
                // Not read yet: the pass is planned again once it is (see PlanWorkspace.Value). Counted as running, and the
                // walk goes on, so one round collects every value the pass needs.
                running++;
                prefixOpen = false;
                continue;
            }

            started = Math.Max(started, i + 1);
            var outcome = WalkSequential(body, run, null, i, value, isIteration: true);
            if (outcome.Running)
            {
                running++;
                prefixOpen = false;
                continue;
            }

            worst = States.Worst([worst, outcome.State]);
            failed |= outcome.State.IsFailure();
            if (prefixOpen)
            {
                prefix = i + 1;
                prefixWorst = States.Worst([prefixWorst, outcome.State]);
            }
        }

        SetProgress(run, Iterations, new ListProgress(prefix, prefixWorst, Math.Max(started, prefix)));
        return running > 0 || waiting ? ListOutcome.StillRunning : ListOutcome.Done(Killing ? State.Killed : worst);
    }

    private ListProgress? GetProgress(TaskRun? owner, string list) =>
        owner is null ? workspace.ExecutionProgress.Get(list) : workspace.Latest(owner).Progress?.Get(list);

    /// <summary>Records a list's memo on its owner (the execution, or the flowable's run) when it moved.</summary>
    private void SetProgress(TaskRun? owner, string? list, ListProgress progress)
    {
        if (list is null || GetProgress(owner, list) == progress)
        {
            return;
        }

        if (owner is null)
        {
            workspace.ExecutionProgress = workspace.ExecutionProgress.With(list, progress);
            return;
        }

        var latest = workspace.Latest(owner);
        workspace.Update(latest with { Progress = (latest.Progress ?? PlanProgress.Empty).With(list, progress) });
    }

    private object? Evaluate(string template, TaskDefinition task, TaskRun run)
    {
        if (OutputReads.InTemplate(template) && !workspace.EnsureOutputs())
        {
            throw new OutputsNotLoadedException();
        }

        return evaluator.Evaluate(template, Snapshot(), task, run);
    }

    private bool TryEvaluateProperty(TaskDefinition task, TaskRun run, string property, out object? value)
    {
        var node = task.Property(property);
        try
        {
            value = node switch
            {
                Yaml.YScalar scalar when !scalar.IsNull && scalar.Value.Contains("{{", StringComparison.Ordinal) => Evaluate(scalar.Value, task, run),
                null => null,
                _ => node.ToPlain(),
            };
            return true;
        }
        catch (OutputsNotLoadedException)
        {
            value = null;
            return false;
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OutputsNotLoadedException)
        {
            throw new FlowableDecisionException($"{property} of task '{task.Id}' could not be evaluated: {ex.Message}", ex);
        }
    }

    private PlanningSnapshot Snapshot() => snapshot with { TaskRuns = workspace.Runs };
}
