using Harrier.Core.Executions;
using Harrier.Core.Metrics;
using Harrier.Core.Store;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>What every <see cref="IExecutionStore"/> must do with task runs, their attempts, metrics and decisions.</summary>
public abstract class TaskRunStoreContract : StoreContract
{
    [Fact]
    public async Task SaveTaskRun_RoundTripsEveryField_WithAttemptsMetricsAndDecision()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id);

        await Store.SaveTaskRunAsync(taskRun, Ct);

        RecordAssert.Equal(taskRun, await Store.GetTaskRunAsync(taskRun.Id, Ct));
        RecordAssert.Equal(taskRun, Assert.Single(await Store.GetTaskRunsAsync(execution.Id, Ct)));
    }

    [Fact]
    public async Task SaveTaskRun_KeepsNullsAndEmptyLists()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id) with
        {
            ParentTaskRunId = null, Value = null, Iteration = null, Attempts = [], Metrics = [], Decision = null,
            Outputs = new Dictionary<string, object?>(), EndDate = null, NextAttemptAt = null, State = State.Created,
        };

        await Store.SaveTaskRunAsync(taskRun, Ct);

        RecordAssert.Equal(taskRun, await Store.GetTaskRunAsync(taskRun.Id, Ct));
    }

    [Theory]
    [InlineData("else", false)]
    [InlineData(null, true)]
    [InlineData("none", true)]
    public async Task SaveTaskRun_RoundTripsDecisionShapes(string? branch, bool withValues)
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id) with
        {
            Decision = new FlowableDecision { Branch = branch, Values = withValues ? ["1", "", "[1,2]"] : null },
        };

        await Store.SaveTaskRunAsync(taskRun, Ct);

        RecordAssert.Equal(taskRun, await Store.GetTaskRunAsync(taskRun.Id, Ct));
    }

    [Fact]
    public async Task SaveTaskRun_ReplacesTheRun_AndRewritesItsMetrics()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id);
        await Store.SaveTaskRunAsync(taskRun, Ct);
        var updated = taskRun with
        {
            State = State.Failed,
            Attempts = [.. taskRun.Attempts, new TaskRunAttempt(State.Failed, T0.AddMinutes(2), T0.AddMinutes(3))],
            Metrics = [new MetricEntry("only", MetricType.Gauge, 1.0, MetricEntry.NoTags)],
            Outputs = new Dictionary<string, object?> { ["x"] = 1L },
            Decision = null,
        };

        await Store.SaveTaskRunAsync(updated, Ct);

        RecordAssert.Equal(updated, await Store.GetTaskRunAsync(taskRun.Id, Ct));
        RecordAssert.Equal(updated, Assert.Single(await Store.GetTaskRunsAsync(execution.Id, Ct)));
    }

    [Fact]
    public async Task GetTaskRuns_ReturnsCreationOrder_NotDateOrder_AndUpdatesKeepTheirPlace()
    {
        var execution = await CreateExecutionAsync();
        var first = TaskRun(execution.Id, "first", createdAt: T0.AddMinutes(5));
        var second = TaskRun(execution.Id, "second", createdAt: T0);
        var third = TaskRun(execution.Id, "third", createdAt: T0.AddMinutes(1));
        var fourth = TaskRun(execution.Id, "fourth", createdAt: T0.AddMinutes(-1));
        foreach (var run in new[] { first, second, third, first with { State = State.Killed }, fourth, second with { State = State.Warning } })
        {
            await Store.SaveTaskRunAsync(run, Ct);
        }

        var runs = await Store.GetTaskRunsAsync(execution.Id, Ct);

        Assert.Equal(["first", "second", "third", "fourth"], runs.Select(r => r.TaskId));
        Assert.Equal([State.Killed, State.Warning, State.Success, State.Success], runs.Select(r => r.State));
    }

    [Fact]
    public async Task GetTaskRuns_ReturnsOnlyThatExecutionsRuns_WithTheirOwnMetrics()
    {
        var one = await CreateExecutionAsync();
        var two = await CreateExecutionAsync();
        var a = TaskRun(one.Id, "a");
        var b = TaskRun(two.Id, "b") with { Metrics = [new MetricEntry("b", MetricType.Counter, 2, MetricEntry.NoTags)] };
        var c = TaskRun(one.Id, "c") with { Metrics = [] };
        foreach (var run in new[] { a, b, c })
        {
            await Store.SaveTaskRunAsync(run, Ct);
        }

        var runs = await Store.GetTaskRunsAsync(one.Id, Ct);

        Assert.Equal(2, runs.Count);
        RecordAssert.Equal(a, runs[0]);
        RecordAssert.Equal(c, runs[1]);
        RecordAssert.Equal(b, Assert.Single(await Store.GetTaskRunsAsync(two.Id, Ct)));
    }

    [Fact]
    public async Task GetTaskRun_ReturnsNull_AndGetTaskRunsEmpty_WhenUnknown()
    {
        Assert.Null(await Store.GetTaskRunAsync("no-such-run", Ct));
        Assert.Empty(await Store.GetTaskRunsAsync("no-such-execution", Ct));
    }

    [Fact]
    public async Task SaveTaskRun_FromManyTasksAtOnce_KeepsEveryRun()
    {
        var execution = await CreateExecutionAsync();
        var saves = Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 25; i++)
            {
                var run = TaskRun(execution.Id, $"w{worker}-{i}");
                await Store.SaveTaskRunAsync(run, Ct);
                await Store.SaveTaskRunAsync(run with { State = State.Failed }, Ct);
            }
        }));

        await Task.WhenAll(saves);

        var runs = await Store.GetTaskRunsAsync(execution.Id, Ct);
        Assert.Equal(200, runs.Count);
        Assert.Equal(200, runs.Select(r => r.TaskId).Distinct().Count());
        Assert.All(runs, r => Assert.Equal(State.Failed, r.State));
        for (var worker = 0; worker < 8; worker++)
        {
            var own = runs.Select(r => r.TaskId).Where(t => t.StartsWith($"w{worker}-", StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, 25).Select(i => $"w{worker}-{i}"), own);
        }
    }

    [Fact]
    public async Task SaveTaskRun_KeepsOutputPathAndProgress()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id) with
        {
            OutputPath = ["a", "{\"k\":1}"],
            Progress = PlanProgress.Empty.With("tasks", new ListProgress(3, State.Warning)).With("iterations", new ListProgress(2, State.Success, 5)),
        };

        await Store.SaveTaskRunAsync(taskRun, Ct);

        RecordAssert.Equal(taskRun, await Store.GetTaskRunAsync(taskRun.Id, Ct));
    }

    [Fact]
    public async Task SaveTaskRun_EachWriteTakesANewVersion()
    {
        var execution = await CreateExecutionAsync();
        var taskRun = TaskRun(execution.Id);
        await Store.SaveTaskRunAsync(taskRun, Ct);
        var first = (await Store.GetTaskRunAsync(taskRun.Id, Ct))!.Version;

        await Store.SaveTaskRunAsync(taskRun with { State = State.Failed }, Ct);

        Assert.True(first > 0);
        Assert.True((await Store.GetTaskRunAsync(taskRun.Id, Ct))!.Version > first);
    }
}
