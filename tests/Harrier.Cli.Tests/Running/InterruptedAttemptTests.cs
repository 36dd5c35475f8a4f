using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Persistence.Sqlite;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Tests.Running;

/// <summary>
/// A job whose worker stopped mid-attempt (its task run still RUNNING) runs again as a new attempt: the interrupted one
/// is closed KILLED, with a line saying so, and the attempts show both.
/// </summary>
public sealed class InterruptedAttemptTests : IDisposable
{
    private const string Flow = "id: resume\nnamespace: tests.resume\ntasks:\n  - id: only\n    type: io.kestra.plugin.core.log.Log\n    message: again\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-interrupted-").FullName;

    [Fact]
    public async Task JobOfAnInterruptedAttempt_RunsAgainAsANewAttempt_AndTheOldOneIsClosedKilled()
    {
        var now = DateTimeOffset.UtcNow;
        var execution = new Execution
        {
            Id = Ids.New(), Namespace = "tests.resume", FlowId = "resume", State = State.Running, CreatedAt = now, StartDate = now, FlowSource = Flow,
        };
        var taskRun = new TaskRun
        {
            Id = Ids.New(), ExecutionId = execution.Id, TaskId = "only", State = State.Running, CreatedAt = now,
            Attempts = [new TaskRunAttempt(State.Running, now, null) { Worker = "gone:1:1" }],
        };
        await using (var store = await SqliteStore.OpenAsync(_directory, TimeProvider.System, CancellationToken.None))
        {
            // What a worker that died mid-attempt leaves behind: a RUNNING attempt and its job.
            await store.Executions.CreateExecutionAsync(execution, CancellationToken.None);
            await store.Executions.SaveTaskRunAsync(taskRun, CancellationToken.None);
            await store.Jobs.EnqueueAsync(new WorkerJob(execution.Id, taskRun.Id, 0), null, CancellationToken.None);
        }

        await using var host = await HarrierHost.StartAsync(_directory, new EngineOptions(), CancellationToken.None);
        var final = await host.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(State.Success, final.State);
        var run = Assert.Single(await host.Store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None));
        Assert.Equal(State.Success, run.State);
        Assert.Equal([State.Killed, State.Success], run.Attempts.Select(a => a.State));
        Assert.NotNull(run.Attempts[0].EndDate);
        var logs = await host.Store.Logs.ReadAsync(execution.Id, 0, 100, CancellationToken.None);
        Assert.Contains(logs, l => l.Message.Contains("Attempt 1 was interrupted", StringComparison.Ordinal) && l.Message.Contains("gone:1:1", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WorkingDirectoryRunAgain_GivesTheChildItsStoppedWorkerLeftRunning_ANewAttempt()
    {
        const string groupFlow = "id: resume\nnamespace: tests.resume\ntasks:\n  - id: wd\n    type: io.kestra.plugin.core.flow.WorkingDirectory\n" +
            "    tasks:\n      - id: step\n        type: io.kestra.plugin.core.log.Log\n        message: again\n";
        var now = DateTimeOffset.UtcNow;
        var execution = new Execution
        {
            Id = Ids.New(), Namespace = "tests.resume", FlowId = "resume", State = State.Running, CreatedAt = now, StartDate = now, FlowSource = groupFlow,
        };
        var group = new TaskRun { Id = Ids.New(), ExecutionId = execution.Id, TaskId = "wd", State = State.Running, CreatedAt = now };
        var abandoned = new TaskRun
        {
            Id = Ids.New(), ExecutionId = execution.Id, TaskId = "step", ParentTaskRunId = group.Id, State = State.Running, CreatedAt = now,
            Attempts = [new TaskRunAttempt(State.Running, now, null)],
        };
        await using (var store = await SqliteStore.OpenAsync(_directory, TimeProvider.System, CancellationToken.None))
        {
            await store.Executions.CreateExecutionAsync(execution, CancellationToken.None);
            await store.Executions.SaveTaskRunAsync(group, CancellationToken.None);
            await store.Executions.SaveTaskRunAsync(abandoned, CancellationToken.None);
            await store.Jobs.EnqueueAsync(new WorkerJob(execution.Id, group.Id, 0), null, CancellationToken.None);
        }

        await using var host = await HarrierHost.StartAsync(_directory, new EngineOptions(), CancellationToken.None);
        var final = await host.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(State.Success, final.State);
        var step = Assert.Single(await host.Store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None), r => r.TaskId == "step");
        Assert.Equal(abandoned.Id, step.Id);
        Assert.Equal(State.Success, step.State);
        Assert.Equal([State.Killed, State.Success], step.Attempts.Select(a => a.State));
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
