using Harrier.Cli.Tests.Running;
using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Queue;
using Harrier.Core.Store;
using Harrier.Persistence;
using Harrier.Persistence.Sqlite;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// Two engines in the pool of one store. Engine A cannot renew its lease (its store connection fails, as a process
/// stalled past its lease would): it stops its task before the lease runs out, and stores nothing; engine B takes the
/// job over once the lease has expired and runs it to its end. The task never runs to its end twice.
/// </summary>
public sealed class LeaseTakeoverTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AWorkerThatCannotRenewItsLease_StopsItsTask_AndAnotherWorkerRunsItToItsEnd()
    {
        using var folder = new TempFolder();
        var marks = Path.Combine(folder.Path, "marks");
        var data = Path.Combine(folder.Path, "data");
        var flow = HarrierHost.CreateFlowLoader().Load($$"""
            id: takeover
            namespace: tests.lease
            tasks:
              - id: work
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - echo "start $HARRIER_WORKER_SLOT" >> {{marks}}; sleep 2; echo end >> {{marks}}
            """, "takeover.yml").Flow!;
        var options = new EngineOptions { LeaseDuration = TimeSpan.FromSeconds(1), PollInterval = TimeSpan.FromMilliseconds(50), WorkerSlots = 1 };
        await using var store = await SqliteStore.OpenAsync(data, TimeProvider.System, CancellationToken.None);
        var a = Engine(store, data, folder.Path, options with { InstanceId = "a" }, new RenewalsFailingQueue(store.Jobs), new ClaimsOnceCommits(store.Commits));
        await a.StartAsync(CancellationToken.None);
        var execution = await a.SubmitAsync(flow, new Dictionary<string, object?>(), CancellationToken.None);
        using (var deadline = new CancellationTokenSource(Patience))
        {
            while (!File.Exists(marks))
            {
                await Task.Delay(20, deadline.Token);
            }
        }

        var b = Engine(store, data, folder.Path, options with { InstanceId = "b" }, store.Jobs, store.Commits);
        await b.StartAsync(CancellationToken.None);
        var final = await b.WaitAsync(execution.Id, CancellationToken.None).WaitAsync(Patience);
        await a.DisposeAsync();
        await b.DisposeAsync();

        Assert.Equal(State.Success, final.State);
        var run = Assert.Single(await store.Executions.GetTaskRunsAsync(execution.Id, CancellationToken.None));
        Assert.Equal([State.Killed, State.Success], run.Attempts.Select(x => x.State));
        Assert.Equal(["start", "start", "end"], (await File.ReadAllLinesAsync(marks)).Select(l => l.Trim()));
        var logs = await store.Logs.ReadAsync(execution.Id, 0, 100, CancellationToken.None);
        Assert.Contains(logs, l => l.Message.Contains("lost its lease", StringComparison.Ordinal));
    }

    private static StandaloneEngine Engine(SqliteStore store, string data, string temp, EngineOptions options, IJobQueue queue, IEngineCommits commits) => new(new EngineServices
    {
        Store = store.Executions,
        Commits = commits,
        Planning = store.Planning,
        Kills = store.Kills,
        Processes = store.Processes,
        Ownership = store.Ownership,
        Logs = store.Logs,
        SecretCipher = SecretKeyFile.OpenCipher(data),
        Queue = queue,
        Renderer = ExpressionChecking.Renderer,
        Registry = HarrierTaskTypes.Registry,
        Implementations = HarrierHost.CreateImplementations(store),
        ExpressionChecker = ExpressionChecking.Checker,
        Options = options with { TempDirectory = temp },
        Files = HarrierHost.OpenFileStorage(data),
    });

    /// <summary>A stand-in for a store that a worker can no longer reach to renew: every renewal throws; the rest goes through.</summary>
    private sealed class RenewalsFailingQueue(IJobQueue inner) : IJobQueue
    {
        public Task EnqueueAsync(WorkerJob job, DateTimeOffset? notBefore, CancellationToken cancellationToken) => inner.EnqueueAsync(job, notBefore, cancellationToken);

        public Task<JobLease?> TryClaimAsync(JobClaim claim, CancellationToken cancellationToken) => inner.TryClaimAsync(claim, cancellationToken);

        public Task<bool> RenewAsync(JobLease lease, TimeSpan leaseDuration, CancellationToken cancellationToken) =>
            Task.FromException<bool>(new IOException("the store cannot be reached"));

        public Task<bool> CompleteAsync(JobLease lease, CancellationToken cancellationToken) => inner.CompleteAsync(lease, cancellationToken);

        public Task<bool> ReleaseAsync(JobLease lease, CancellationToken cancellationToken) => inner.ReleaseAsync(lease, cancellationToken);

        public Task<DateTimeOffset?> NextDueAsync(JobClaim claim, CancellationToken cancellationToken) => inner.NextDueAsync(claim, cancellationToken);

        public Task<IReadOnlyList<WaitingGroupJob>> ListWaitingGroupJobsAsync(string? owner, int offset, int limit, CancellationToken cancellationToken) =>
            inner.ListWaitingGroupJobsAsync(owner, offset, limit, cancellationToken);

        public Task<JobLease?> TryClaimJobAsync(long jobId, JobClaim claim, CancellationToken cancellationToken) => inner.TryClaimJobAsync(jobId, claim, cancellationToken);
    }

    /// <summary>A stand-in for a store that a worker can no longer reach once it holds its first job: later claims throw.</summary>
    private sealed class ClaimsOnceCommits(IEngineCommits inner) : IEngineCommits
    {
        private int _claimed;

        public async Task<ClaimedJob?> ClaimJobAsync(JobClaim claim, Func<ClaimedJob, TaskRun?>? start, CancellationToken cancellationToken)
        {
            if (Volatile.Read(ref _claimed) == 1)
            {
                throw new IOException("the store cannot be reached");
            }

            var claimed = await inner.ClaimJobAsync(claim, start, cancellationToken);
            if (claimed is not null)
            {
                Volatile.Write(ref _claimed, 1);
            }

            return claimed;
        }

        public Task CommitPlanAsync(PlanCommit commit, CancellationToken cancellationToken) => inner.CommitPlanAsync(commit, cancellationToken);

        public Task<TaskRun> StartAttemptAsync(JobLease lease, TaskRun running, CancellationToken cancellationToken) => inner.StartAttemptAsync(lease, running, cancellationToken);

        public Task<TaskRun> SaveChildAsync(JobLease lease, TaskRun child, CancellationToken cancellationToken) => inner.SaveChildAsync(lease, child, cancellationToken);

        public Task<AttemptCommitted> CommitAttemptAsync(AttemptCommit commit, CancellationToken cancellationToken) => inner.CommitAttemptAsync(commit, cancellationToken);
    }
}
