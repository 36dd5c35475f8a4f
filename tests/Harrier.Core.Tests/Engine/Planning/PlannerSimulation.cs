using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Microsoft.Extensions.Time.Testing;

namespace Harrier.Core.Tests.Engine.Planning;

/// <summary>
/// Drives the pure planner pass after pass the way the executor does, with a fake worker that ends every
/// job it is given in the state a table says (SUCCESS by default). Records which task runs each pass created.
/// </summary>
internal sealed class PlannerSimulation
{
    private const int MaxPasses = 100;

    private readonly List<TaskRun> _runs = [];
    private readonly List<string> _waves = [];
    private readonly List<string> _pendingJobs = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly ExecutionPlanner _planner;

    public PlannerSimulation(string flowBody, IReadOnlyDictionary<string, object?>? inputs = null)
    {
        Flow = TestFlows.Load(flowBody);
        Execution = new Execution
        {
            Id = "ex1",
            Namespace = Flow.Namespace,
            FlowId = Flow.Id,
            State = State.Running,
            Inputs = inputs ?? new Dictionary<string, object?>(),
            CreatedAt = Time.GetUtcNow(),
            FlowSource = Flow.Source,
        };
        _planner = new ExecutionPlanner(Evaluator, Time, new SequentialIds().Next);
    }

    public FakeTimeProvider Time { get; } = new(new DateTimeOffset(2024, 3, 15, 10, 0, 0, TimeSpan.Zero));

    public RenderingPlanEvaluator Evaluator { get; } = new();

    public FlowDefinition Flow { get; }

    public Execution Execution { get; private set; }

    public IReadOnlyList<TaskRun> Runs => _runs;

    public List<LogEntry> Logs { get; } = [];

    /// <summary>How many times <see cref="RunToEnd"/> moved the clock to a timer a plan asked for.</summary>
    public int WakeUps { get; private set; }

    /// <summary>Task runs created per pass, "a b | c": labels separated by spaces, passes by bars.</summary>
    public string Waves => string.Join(" | ", _waves);

    /// <summary>Every task run's final label and state in creation order: "a=SUCCESS b[x]=FAILED".</summary>
    public string FinalStates => string.Join(' ', _runs.Select(r => $"{Label(r)}={r.State.ToName()}"));

    public static string Label(TaskRun run) => run.Value is null ? run.TaskId : $"{run.TaskId}[{run.Value}]";

    public TaskRun Run(string label) => _runs.Single(r => Label(r) == label);

    public ExecutionPlan Pass()
    {
        var plan = _planner.Plan(new PlanningSnapshot(Flow, Execution, [.. _runs]));
        foreach (var saved in plan.SavedTaskRuns)
        {
            var index = _runs.FindIndex(r => r.Id == saved.Id);
            if (index < 0)
            {
                _runs.Add(saved);
            }
            else
            {
                _runs[index] = saved;
            }
        }

        var created = string.Join(' ', plan.SavedTaskRuns.Where(IsNew).Select(Label));
        if (created.Length > 0)
        {
            _waves.Add(created);
        }

        _seen.UnionWith(plan.SavedTaskRuns.Select(r => r.Id));
        _pendingJobs.AddRange(plan.Jobs.Select(j => j.TaskRunId));
        Logs.AddRange(plan.Logs);
        Execution = Execution with { State = plan.ExecutionState };
        return plan;
    }

    private bool IsNew(TaskRun run) => !_seen.Contains(run.Id);

    /// <summary>The fake worker: ends every job handed out so far in its outcome ("b=FAILED c[x]=WARNING").</summary>
    public void Work(string outcomes = "")
    {
        var table = ParseOutcomes(outcomes);
        foreach (var id in _pendingJobs)
        {
            var index = _runs.FindIndex(r => r.Id == id);
            var run = _runs[index];
            if (run.State.IsTerminal())
            {
                continue;
            }

            var state = table.GetValueOrDefault(Label(run)) ?? table.GetValueOrDefault(run.TaskId) ?? State.Success;
            var now = Time.GetUtcNow();
            _runs[index] = run with { State = state, Attempts = [new TaskRunAttempt(state, now, now)], EndDate = now };
        }

        _pendingJobs.Clear();
    }

    /// <summary>Plans and works until the execution ends; returns its final state.</summary>
    public State RunToEnd(string outcomes = "")
    {
        for (var pass = 0; pass < MaxPasses; pass++)
        {
            var plan = Pass();
            if (plan.IsFinished)
            {
                return plan.ExecutionState;
            }

            if (_pendingJobs.Count == 0 && plan.WakeAt is { } wake)
            {
                // Nothing to run until a flowable's timer (WaitFor's interval, a Pause's delay): let the clock get there.
                Time.SetUtcNow(wake > Time.GetUtcNow() ? wake : Time.GetUtcNow());
                WakeUps++;
                continue;
            }

            Assert.True(_pendingJobs.Count > 0, $"the planner is stuck: no job to run and the execution is {plan.ExecutionState}; runs: {FinalStates}");
            Work(outcomes);
        }

        throw new InvalidOperationException($"no end after {MaxPasses} passes: {Waves}");
    }

    /// <summary>What a worker would store: a task run in a new state.</summary>
    public void Replace(TaskRun run) => _runs[_runs.FindIndex(r => r.Id == run.Id)] = run;

    public void Kill() => Execution = Execution with { State = State.Killing };

    private static Dictionary<string, State?> ParseOutcomes(string outcomes) =>
        outcomes.Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Select(pair => pair.Split('='))
            .ToDictionary(p => p[0], p => (State?)States.Parse(p[1]), StringComparer.Ordinal);
}
