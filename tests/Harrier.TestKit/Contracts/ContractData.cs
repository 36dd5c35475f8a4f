using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Metrics;

namespace Harrier.TestKit.Contracts;

/// <summary>
/// Sample records for the contract suites. Dates have whole milliseconds and a non-UTC offset: every backend
/// must keep at least microseconds and may return the same instant in UTC.
/// </summary>
public static class ContractData
{
    public static readonly DateTimeOffset T0 = new(2026, 3, 14, 9, 26, 53, 589, TimeSpan.FromHours(2));

    public static string NewId(string prefix) => $"{prefix}-{Guid.NewGuid():N}";

    public static Execution Execution(string? id = null, string ns = "company.team", string flowId = "hello", DateTimeOffset? createdAt = null) => new()
    {
        Id = id ?? NewId("ex"),
        Namespace = ns,
        FlowId = flowId,
        FlowRevision = 3,
        State = State.Running,
        Inputs = new Dictionary<string, object?>
        {
            ["count"] = 12L,
            ["ratio"] = 30.0,
            ["pi"] = 3.14159,
            ["big"] = long.MaxValue,
            ["flag"] = true,
            ["missing"] = null,
            ["name"] = "Zoë 🚀 \"quoted\" \\ back\nline",
            ["nested"] = new Dictionary<string, object?>
            {
                ["zeta"] = new List<object?> { 1L, 2.5, "x", null, new Dictionary<string, object?> { ["deep"] = false } },
                ["alpha"] = new Dictionary<string, object?>(),
            },
        },
        Outputs = new Dictionary<string, object?> { ["result"] = 42L, ["empty"] = new List<object?>() },
        Labels = [new FlowLabel("team", "data"), new FlowLabel("env", "prod ünïcode")],
        CreatedAt = createdAt ?? T0,
        StartDate = T0.AddSeconds(1),
        EndDate = null,
        FlowSource = "id: hello\nnamespace: company.team\ntasks: []\n",
        FlowFile = "flows/hello.yml",
        Error = null,
    };

    /// <summary>An execution as a store reads it back: its flow document is stored apart, under its id.</summary>
    public static Execution AsStored(Execution execution) =>
        execution with { FlowSource = "", FlowSourceId = execution.FlowSourceId ?? FlowSources.IdOf(execution.FlowSource) };

    public static TaskRun TaskRun(string executionId, string taskId = "task", string? id = null, DateTimeOffset? createdAt = null) => new()
    {
        Id = id ?? NewId("tr"),
        ExecutionId = executionId,
        TaskId = taskId,
        ParentTaskRunId = "parent-1",
        Value = "{\"k\":1}",
        Iteration = 2,
        State = State.Success,
        Attempts =
        [
            new TaskRunAttempt(State.Failed, T0, T0.AddSeconds(2)),
            new TaskRunAttempt(State.Success, T0.AddSeconds(5), null),
        ],
        Outputs = new Dictionary<string, object?> { ["exitCode"] = 0L, ["vars"] = new Dictionary<string, object?> { ["f"] = 1.5, ["n"] = -7L } },
        Metrics =
        [
            new MetricEntry("rows", MetricType.Counter, 1234, new Dictionary<string, string> { ["table"] = "users", ["db"] = "main" }),
            new MetricEntry("duration", MetricType.Timer, 0.25, MetricEntry.NoTags),
            new MetricEntry("level", MetricType.Gauge, -3.5, new Dictionary<string, string> { ["unit"] = "°C" }),
        ],
        CreatedAt = createdAt ?? T0,
        EndDate = T0.AddSeconds(9),
        Decision = new FlowableDecision { Branch = "then", Values = ["a", "{\"b\":2}", "ü"], ChildCount = 3 },
        NextAttemptAt = T0.AddMinutes(1),
    };
}
