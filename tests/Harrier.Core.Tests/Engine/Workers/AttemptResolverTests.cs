using Harrier.Core.Engine.Workers;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Metrics;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tests.Engine.Workers;

public sealed class AttemptResolverTests
{
    private static readonly DateTimeOffset Start = new(2024, 3, 15, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = Start.AddSeconds(2);

    private const string Retry3 = "retry: {type: constant, interval: PT1S, maxAttempts: 3}";

    private static TaskDefinition Task(string properties) =>
        TestFlows.Load($"tasks:\n  - {{id: a, type: Return, {properties}}}").Tasks[0];

    /// <summary>A task run whose last attempt (of <paramref name="attempts"/>) is running.</summary>
    private static TaskRun Running(int attempts) => new()
    {
        Id = "r1",
        ExecutionId = "ex1",
        TaskId = "a",
        State = State.Running,
        CreatedAt = Start,
        Attempts = [.. Enumerable.Range(0, attempts).Select(i => new TaskRunAttempt(i == attempts - 1 ? State.Running : State.Failed, Start.AddMilliseconds(i * 100), null))],
    };

    private static (TaskRun TaskRun, DateTimeOffset? RetryAt) Resolve(string properties, int attempts, State outcome) =>
        AttemptResolver.Resolve(Task(properties), Running(attempts), new TaskOutcome(outcome), Now, new FakeRandom(0.5));

    [Theory]
    [InlineData("allowFailure: false", 1, "SUCCESS", "SUCCESS")]
    [InlineData("allowFailure: false", 1, "FAILED", "FAILED")]
    [InlineData("allowFailure: true", 1, "FAILED", "WARNING")]
    [InlineData("allowFailure: true, allowWarning: true", 1, "FAILED", "SUCCESS")]
    [InlineData("allowWarning: true", 1, "WARNING", "SUCCESS")]
    [InlineData(Retry3, 3, "FAILED", "FAILED")]
    [InlineData(Retry3 + ", allowFailure: true", 3, "FAILED", "WARNING")]
    [InlineData(Retry3, 2, "SUCCESS", "SUCCESS")]
    [InlineData("retry: {type: constant, interval: PT1S, maxAttempts: 3, warningOnRetry: true}", 2, "SUCCESS", "WARNING")]
    [InlineData("retry: {type: constant, interval: PT1S, maxAttempts: 3, warningOnRetry: true}", 1, "SUCCESS", "SUCCESS")]
    [InlineData("retry: {type: constant, interval: PT1S, maxAttempts: 3, warningOnRetry: true}, allowWarning: true", 2, "SUCCESS", "SUCCESS")]
    [InlineData(Retry3, 1, "KILLED", "KILLED")]
    public void Resolve_EndsTheTaskRun_WhenNoRetryIsLeft(string properties, int attempts, string outcome, string expected)
    {
        var (run, retryAt) = Resolve(properties, attempts, States.Parse(outcome));

        Assert.Null(retryAt);
        Assert.Equal(expected, run.State.ToName());
        Assert.Equal(Now, run.EndDate);
        Assert.Equal(attempts, run.Attempts.Count);
        Assert.Equal(States.Parse(outcome), run.Attempts[^1].State);
        Assert.Equal(Now, run.Attempts[^1].EndDate);
    }

    [Theory]
    [InlineData(Retry3, 1)]
    [InlineData(Retry3, 2)]
    [InlineData(Retry3 + ", allowFailure: true", 1)]
    public void Resolve_RetriesAFailedAttempt_WhileAttemptsAreLeft(string properties, int attempts)
    {
        var (run, retryAt) = Resolve(properties, attempts, State.Failed);

        Assert.Equal(State.Retrying, run.State);
        Assert.Equal(Now.AddSeconds(1), retryAt);
        Assert.Equal(retryAt, run.NextAttemptAt);
        Assert.Null(run.EndDate);
        Assert.Equal(State.Failed, run.Attempts[^1].State);
    }

    [Fact]
    public void Resolve_KeepsTheAttemptsOutputsAndMetrics_EvenWhenItFailed()
    {
        var metric = new MetricEntry("rows", MetricType.Counter, 3, MetricEntry.NoTags);
        var outcome = TaskOutcome.Failure("boom", new Dictionary<string, object?> { ["x"] = 1L }) with { Metrics = [metric] };

        var (run, _) = AttemptResolver.Resolve(Task("allowFailure: false"), Running(1), outcome, Now, new FakeRandom(0.5));

        Assert.Equal(1L, run.Outputs["x"]);
        Assert.Equal([metric], run.Metrics);
    }
}
