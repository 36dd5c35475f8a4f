using Harrier.Cli.Running;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Persistence.Sqlite;

namespace Harrier.Cli.Tests.Running;

/// <summary>
/// A job whose worker stopped mid-attempt (its task run still RUNNING) is picked up by the next worker as the
/// same attempt — the attempt count does not grow, and a runner may reattach (Docker resume).
/// </summary>
public sealed class ResumeAfterWorkerStopTests : IDisposable
{
    private const string Flow = "id: resume\nnamespace: tests.resume\ntasks:\n  - id: only\n    type: io.kestra.plugin.core.log.Log\n    message: resumed\n";
    private readonly string _directory = Directory.CreateTempSubdirectory("harrier-resume-").FullName;

    [Fact]
    public async Task JobOfARunningAttempt_IsResumedAsTheSameAttempt()
    {
        var now = DateTimeOffset.UtcNow;
        var execution = new Execution
        {
            Id = Ids.New(),
            Namespace = "tests.resume",
            FlowId = "resume",
            State = State.Running,
            CreatedAt = now,
            StartDate = now,
            FlowSource = Flow,
        };
        var taskRun = new TaskRun
        {
            Id = Ids.New(),
            ExecutionId = execution.Id,
            TaskId = "only",
            State = State.Running,
            CreatedAt = now,
            Attempts = [new TaskRunAttempt(State.Running, now, null)],
        };
        await using (var store = await SqliteStore.OpenAsync(_directory, TimeProvider.System, CancellationToken.None))
        {
            // What a worker that died mid-attempt leaves behind: a RUNNING attempt and a job whose lease will expire.
            await store.Executions.CreateExecutionAsync(execution, CancellationToken.None);
            await store.Executions.SaveTaskRunAsync(taskRun, CancellationToken.None);
            await store.Jobs.EnqueueAsync(new WorkerJob(execution.Id, taskRun.Id, 0), null, CancellationToken.None);
        }

        await using var host = await HarrierHost.StartAsync(_directory, new EngineOptions(), CancellationToken.None);
        var final = await host.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(State.Success, final.State);
        var run = Assert.Single(await host.Store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None));
        Assert.Equal(State.Success, run.State);
        Assert.Single(run.Attempts);
    }

    [Fact]
    public async Task WorkingDirectoryRunAgain_ClosesTheChildItsStoppedWorkerLeftRunning()
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
            await store.Executions.SaveTaskRunsAsync([group, abandoned], CancellationToken.None);
            await store.Jobs.EnqueueAsync(new WorkerJob(execution.Id, group.Id, 0), null, CancellationToken.None);
        }

        await using var host = await HarrierHost.StartAsync(_directory, new EngineOptions(), CancellationToken.None);
        var final = await host.Engine.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(State.Success, final.State);
        var steps = (await host.Store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None)).Where(r => r.TaskId == "step").ToList();
        Assert.Equal(2, steps.Count);
        var closed = Assert.Single(steps, r => r.Id == abandoned.Id);
        Assert.Equal(State.Killed, closed.State);
        Assert.Equal(State.Killed, Assert.Single(closed.Attempts).State);
        Assert.NotNull(closed.EndDate);
        Assert.Equal(State.Success, Assert.Single(steps, r => r.Id != abandoned.Id).State);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);
}
