using System.Globalization;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Json;
using Harrier.Core.Logs;
using Harrier.Core.Queue;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Engine.Planning;

/// <summary>
/// One planning pass: walks the flow's task lists against the existing task runs, creating the next ones
/// and rolling finished children up into their flowable parents and the execution.
/// </summary>
internal sealed class PlanPass(PlanningSnapshot snapshot, PlanWorkspace workspace, IPlanEvaluator evaluator, DateTimeOffset now, Func<string> newId)
{
    private bool Killing => snapshot.Execution.State is State.Killing or State.Killed;

    public State PlanExecution()
    {
        var flow = snapshot.Flow;
        var outcome = WalkBlock(() => WalkSequential(flow.Tasks, null), flow.Errors, flow.Finally, null);
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

        if (main.Failed && errors.Count > 0 && WalkSequential(errors, parent).Running)
        {
            return ListOutcome.StillRunning;
        }

        var state = main.State;
        if (finallyTasks.Count > 0)
        {
            var final = WalkSequential(finallyTasks, parent);
            if (final.Running)
            {
                return final;
            }

            state = States.Worst([state, final.State]);
        }

        return ListOutcome.Done(state);
    }

    private ListOutcome WalkSequential(IReadOnlyList<TaskDefinition> tasks, TaskRun? parent, int? iteration = null, string? value = null)
    {
        iteration ??= parent?.Iteration;
        value ??= parent?.Value;
        var states = new List<State>();
        foreach (var task in tasks)
        {
            if (task.Disabled)
            {
                continue;
            }

            var run = workspace.Find(task.Id, parent?.Id, iteration);
            if (run is null && Killing)
            {
                return ListOutcome.Done(State.Killed);
            }

            run = run is null ? Create(task, parent, iteration, value) : Advance(task, run);
            if (!run.State.IsTerminal())
            {
                return ListOutcome.StillRunning;
            }

            states.Add(run.State);
            if (run.State.IsFailure())
            {
                break;
            }
        }

        return ListOutcome.Done(States.Worst(states));
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

            Count(Create(task, parent, parent.Iteration, parent.Value), states, ref running);
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
            return workspace.Update(run with { State = State.Killed, EndDate = now });
        }

        return run;
    }

    private TaskRun Create(TaskDefinition task, TaskRun? parent, int? iteration, string? value)
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
            return Truth.IsTruthy(evaluator.Evaluate(task.RunIf, Snapshot(), task, run)) ? run : run with { State = State.Skipped, EndDate = now };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
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
            outcome = WalkBlock(() => WalkChildren(task, decided), task.ChildList("errors"), task.ChildList("finally"), run);
        }
        catch (FlowableDecisionException ex)
        {
            workspace.Log(run, TaskLogLevel.Error, ex.Message, now);
            outcome = ListOutcome.Done(State.Failed);
        }

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
    private TaskRun DecideOnce(TaskDefinition task, TaskRun run) => task.Type switch
    {
        _ when run.Decision is not null => run,
        CoreTaskTypes.If => workspace.Update(run with
        {
            Decision = new FlowableDecision { Branch = Truth.IsTruthy(EvaluateProperty(task, run, "condition")) ? "then" : "else" },
        }),
        CoreTaskTypes.ForEach => workspace.Update(run with
        {
            Decision = new FlowableDecision { Values = ForEachValues.Read(EvaluateProperty(task, run, "values"), task.Id) },
        }),
        _ => run,
    };

    private ListOutcome WalkChildren(TaskDefinition task, TaskRun run)
    {
        switch (task.Type)
        {
            case CoreTaskTypes.Parallel:
                var limit = task.Node["concurrent"]?.ToPlain() is long concurrent ? (int)concurrent : 0;
                return WalkParallel(task.ChildList("tasks"), run, limit);
            case CoreTaskTypes.If:
                return WalkSequential(task.ChildList(run.Decision!.Branch!), run);
            case CoreTaskTypes.ForEach:
                return WalkIterations(task, run);
            case CoreTaskTypes.WorkingDirectory:
                return run.Decision?.Branch is { } branch && branch.StartsWith(FlowableDecision.WorkerDone, StringComparison.Ordinal)
                    ? ListOutcome.Done(States.Parse(branch[FlowableDecision.WorkerDone.Length..]))
                    : ListOutcome.StillRunning;
            default:
                return WalkSequential(task.ChildList("tasks"), run);
        }
    }

    private ListOutcome WalkIterations(TaskDefinition task, TaskRun run)
    {
        var values = run.Decision!.Values!;
        var limit = task.Node["concurrencyLimit"]?.ToPlain() is long l ? (int)l : 1;
        var states = new List<State>();
        var running = 0;
        var waiting = false;
        var failed = false;
        for (var i = 0; i < values.Count; i++)
        {
            var started = workspace.HasChildren(run.Id, i);
            if (!started && (Killing || failed))
            {
                continue;
            }

            if (!started && limit > 0 && running >= limit)
            {
                waiting = true;
                break;
            }

            var outcome = WalkSequential(task.ChildList("tasks"), run, i, values[i]);
            if (outcome.Running)
            {
                running++;
            }
            else
            {
                states.Add(outcome.State);
                failed |= outcome.State.IsFailure();
            }
        }

        return running > 0 || waiting ? ListOutcome.StillRunning : ListOutcome.Done(Killing ? State.Killed : States.Worst(states));
    }

    private object? EvaluateProperty(TaskDefinition task, TaskRun run, string property)
    {
        var node = task.Property(property);
        try
        {
            return node switch
            {
                Yaml.YScalar scalar when !scalar.IsNull && scalar.Value.Contains("{{", StringComparison.Ordinal) => evaluator.Evaluate(scalar.Value, Snapshot(), task, run),
                null => null,
                _ => node.ToPlain(),
            };
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new FlowableDecisionException($"{property} of task '{task.Id}' could not be evaluated: {ex.Message}", ex);
        }
    }

    private PlanningSnapshot Snapshot() => snapshot with { TaskRuns = workspace.Runs };
}

/// <summary>A flowable could not decide (bad condition, values that are not a list): it fails.</summary>
internal sealed class FlowableDecisionException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>Reads ForEach's <c>values</c>: a list, or a text holding a JSON list; each value as text.</summary>
internal static class ForEachValues
{
    public static IReadOnlyList<string> Read(object? values, string taskId)
    {
        if (values is string text)
        {
            try
            {
                values = PlainJson.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                throw new FlowableDecisionException($"values of task '{taskId}' must be a list or a JSON list, found the text '{text}'");
            }
        }

        if (values is not System.Collections.IEnumerable list || values is string or IDictionary<string, object?>)
        {
            throw new FlowableDecisionException($"values of task '{taskId}' must be a list, found {values?.GetType().Name ?? "null"}");
        }

        var result = new List<string>();
        foreach (var item in list)
        {
            result.Add(item switch
            {
                string s => s,
                null => "null",
                bool b => b ? "true" : "false",
                long or int or double => Convert.ToString(item, CultureInfo.InvariantCulture)!,
                _ => PlainJson.Serialize(item),
            });
        }

        return result;
    }
}
