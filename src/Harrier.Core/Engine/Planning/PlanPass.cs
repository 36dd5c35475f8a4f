using Harrier.Core.Engine.Flowables;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;
using Harrier.Core.Queue;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// One planning pass: walks the flow's task lists against the known task runs, creating the next ones and rolling
/// finished children up into their flowable parents and the execution. Each flowable's own rule (how it decides and
/// walks its children) is its <see cref="IFlowable"/>; the pass keeps the walk, errors/finally and the state roll-up.
/// </summary>
/// <remarks>
/// Sequential lists and ForEach iterations keep a memo (<see cref="PlanProgress"/>) of their finished prefix, so a walk
/// starts where the last pass stopped and a step costs the same in a 10-step and a 10,000-step flow. The memo is
/// advanced only over terminal runs, in the same commit as the runs it covers.
/// </remarks>
internal sealed class PlanPass(PlanningSnapshot snapshot, PlanWorkspace workspace, IPlanEvaluator evaluator, DateTimeOffset now, Func<string> newId)
    : IFlowableWalk
{
    private const string Main = "tasks";
    private const string Errors = "errors";
    private const string Finally = "finally";

    public bool Killing => snapshot.Execution.State is State.Killing or State.Killed;

    public DateTimeOffset Now => now;

    public State PlanExecution()
    {
        var flow = snapshot.Flow;
        var outcome = WalkBlock(() => WalkSequential(flow.Tasks, null, Main), flow.Errors, flow.Finally, null);
        if (outcome.Running)
        {
            // A Pause holds the execution PAUSED while it waits (Kestra shows the execution so, whatever else runs).
            return Killing ? State.Killing : workspace.Runs.Any(r => r.State == State.Paused) ? State.Paused : State.Running;
        }

        // A kill ends KILLED, unless the executor stopped the execution for a violated SLA (FAILED or CANCELLED).
        return Killing ? snapshot.Execution.KillEndState ?? State.Killed : outcome.State;
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
        IReadOnlyList<TaskDefinition> tasks, TaskRun? parent, string? memo, int? iteration = null, string? value = null, bool isIteration = false, bool quiet = false)
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

            run = run is null ? Create(task, parent, iteration, value, isIteration, quiet) : Advance(task, run);
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

    private TaskRun Create(TaskDefinition task, TaskRun? parent, int? iteration, string? value, bool isIteration, bool quiet = false)
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
            Quiet = quiet && !task.IsFlowable,
        };
        run = workspace.Add(RunIf(task, run));
        if (run.State.IsTerminal())
        {
            return run;
        }

        if (task.IsFlowable)
        {
            if (FlowableCatalog.For(task.Type).RunsOnWorker)
            {
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

        var flowable = FlowableCatalog.For(task.Type);
        ListOutcome outcome;
        try
        {
            if (run.Decision is null && flowable.Decide(task, run, this) is { } start)
            {
                run = workspace.Update(run with { Decision = start.Decision, Outputs = start.Outputs ?? run.Outputs });
            }

            var decided = run;
            outcome = WalkBlock(() => flowable.Walk(task, decided, this), task.ChildList(Errors), task.ChildList(Finally), run);
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

        var state = TaskStatePolicy.Finalize(flowable.Finish(outcome.State), task);
        return workspace.Update(run with
        {
            State = state,
            EndDate = now,
            Attempts = [.. run.Attempts.Take(run.Attempts.Count - 1), new TaskRunAttempt(state, run.Attempts.Count > 0 ? run.Attempts[^1].StartDate : now, now)],
        });
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

    private object? Evaluate(string template, TaskDefinition task, TaskRun run, IReadOnlyDictionary<string, object?>? taskRunVariables = null)
    {
        if (OutputReads.InTemplate(template) && !workspace.EnsureOutputs())
        {
            throw new OutputsNotLoadedException();
        }

        return evaluator.Evaluate(template, Snapshot(), task, run, taskRunVariables);
    }

    public object? Evaluate(TaskDefinition task, TaskRun run, string property)
    {
        var node = task.Property(property);
        return node switch
        {
            Yaml.YScalar scalar when !scalar.IsNull && scalar.Value.Contains("{{", StringComparison.Ordinal) => Render(scalar.Value, task, run, property),
            null => null,
            _ => node.ToPlain(),
        };
    }

    public object? Render(string template, TaskDefinition task, TaskRun run, string property) => Render(template, task, run, property, null);

    private object? Render(string template, TaskDefinition task, TaskRun run, string property, IReadOnlyDictionary<string, object?>? taskRunVariables)
    {
        try
        {
            return Evaluate(template, task, run, taskRunVariables);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException and not OutputsNotLoadedException and not FlowableDecisionException)
        {
            throw new FlowableDecisionException($"{property} of task '{task.Id}' could not be evaluated: {ex.Message}", ex);
        }
    }

    ListOutcome IFlowableWalk.Sequential(IReadOnlyList<TaskDefinition> tasks, TaskRun parent, string? memo, int? iteration, string? value, bool isIteration, bool quiet) =>
        WalkSequential(tasks, parent, memo, iteration, value, isIteration, quiet);

    public TaskRun? Find(TaskDefinition task, TaskRun parent, int? iteration) => workspace.Find(task.Id, parent.Id, iteration);

    public TaskRun? Child(TaskDefinition task, TaskRun parent, int? iteration) =>
        Find(task, parent, iteration) is { } run ? Advance(task, run) : null;

    public TaskRun Start(TaskDefinition task, TaskRun parent, int? iteration, string? value, bool isIteration = false) =>
        Create(task, parent, iteration, value, isIteration);

    public string? Value(TaskRun run, int index) => workspace.Value(run, index);

    public ListProgress? Progress(TaskRun owner, string list) => GetProgress(owner, list);

    public IReadOnlyCollection<int> IterationsSeen(TaskRun parent) => workspace.IterationsSeen(parent.Id);

    void IFlowableWalk.SetProgress(TaskRun owner, string list, ListProgress progress) => SetProgress(owner, list, progress);

    public TaskRun Latest(TaskRun run) => workspace.Latest(run);

    public TaskRun Update(TaskRun run) => workspace.Update(run);

    public void Log(TaskRun run, TaskLogLevel level, string message) => workspace.Log(run, level, message, now);

    public void WakeAt(DateTimeOffset time) => workspace.WakeAt(time);

    public string NewId() => newId();

    public void StartSubflow(SubflowStart start) => workspace.Subflows.Add(start);

    public void KillChild(string executionId) => workspace.KillChildren.Add(executionId);

    public string WriteFile(TaskRun run, string name, string content)
    {
        var uri = Storage.StoragePaths.TaskRun(snapshot.Flow.Namespace, snapshot.Flow.Id, snapshot.Execution.Id, run.TaskId, run.Id).Append(name);
        workspace.Files.Add(new PlannedFile(uri, content));
        return uri.ToString();
    }

    public Execution? Child(string executionId, out bool absent) => workspace.Child(executionId, out absent);

    public object? EvaluateAll(TaskDefinition task, TaskRun run, string property) => EvaluateAll(task, run, property, null);

    public object? EvaluateAll(TaskDefinition task, TaskRun run, string property, IReadOnlyDictionary<string, object?>? taskRunVariables) =>
        task.Property(property) is { } node ? RenderAll(node, task, run, property, taskRunVariables) : null;

    private object? RenderAll(Yaml.YNode node, TaskDefinition task, TaskRun run, string property, IReadOnlyDictionary<string, object?>? extra) => node switch
    {
        Yaml.YScalar scalar when !scalar.IsNull && scalar.Value.Contains("{{", StringComparison.Ordinal) => Render(scalar.Value, task, run, property, extra),
        Yaml.YSequence sequence => sequence.Items.Select(item => RenderAll(item, task, run, property, extra)).ToList(),
        Yaml.YMapping mapping => mapping.Entries.ToDictionary(e => e.Key.Value, e => RenderAll(e.Value, task, run, property, extra), StringComparer.Ordinal),
        _ => node.ToPlain(),
    };

    private PlanningSnapshot Snapshot() => snapshot with { TaskRuns = workspace.Runs };
}
