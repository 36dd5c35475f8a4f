using Harrier.Core.Executions.Resumes;
using Harrier.Core.Engine.Coordination;
using Harrier.Core.Engine.Executors;
using Harrier.Core.Engine.Workers;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Store;

namespace Harrier.Core.Engine;

/// <summary>
/// Executor and worker in one process: submit executions, follow their logs live, wait for them, kill them. All
/// coordination goes through the store (wake-ups, leases, kill requests, terminal states), so other processes on the
/// same store see and do the same; in-process nudges only make this one react sooner.
/// </summary>
/// <remarks>
/// The engine works on the executions of its owner scope (<see cref="EngineOptions.Owner"/>): those it submits, and
/// those handed to it by recovery. It registers its process in the store while it runs, with heartbeats.
/// </remarks>
public sealed class StandaloneEngine : IAsyncDisposable
{
    private readonly EngineServices _services;
    private readonly InProcessNudges _nudges = new();
    private readonly RunningAttempts _running = new();
    private readonly StoreExecutionEndWaiter _waiter;
    private readonly FlowCache _flows;
    private readonly CancellationTokenSource _stop = new();
    private readonly CancellationTokenSource _claiming = new();
    private readonly List<Task> _loops = [];
    private int _disposed;
    private bool _registered;

    public StandaloneEngine(EngineServices services)
    {
        services.Options.Validate();
        _services = services;
        Logs = new LogWriter(services.Logs, services.Time, services.Loggers, services.Health);
        _flows = new FlowCache(new FlowLoader(services.Registry, services.ExpressionChecker), services.Store);
        _waiter = new StoreExecutionEndWaiter(services.Store, _nudges, services.Options.EndPollInterval);
        _nudges.Killed += _running.Kill;
        if (services.Notifications is { } notifications)
        {
            // Another process enqueued, woke, ended or killed: look now rather than at the next poll.
            notifications.JobsAvailable += () => _nudges.JobsAvailable();
            notifications.ExecutionsChanged += _nudges.ExecutionsChanged;
            notifications.ExecutionEnded += _nudges.ExecutionEnded;
            notifications.KillRequested += _nudges.KillRequested;
        }
    }

    public LogWriter Logs { get; }

    public EngineServices Services => _services;

    /// <summary>Attempts running in this process now.</summary>
    public int RunningAttemptCount => _running.Count;

    /// <summary>Waits in progress (each ends when its execution does or its caller gives up).</summary>
    public int PendingWaitCount => _waiter.PendingCount;

    /// <summary>
    /// Registers this process in the store (with its worker group) and starts the heartbeat, the executor when
    /// <see cref="EngineOptions.RunsExecutor"/> (and, on the pool, the worker group fallbacks) and the worker when
    /// <see cref="EngineOptions.RunsWorker"/>. An engine with neither only stores and reads (a webserver).
    /// </summary>
    /// <exception cref="UnauthorizedAccessException">The temp folder is another user's or others may write in it (the message says what to do).</exception>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var options = _services.Options;
        // Refused at once, before anything runs, when another user owns the folder or may write in it (files planted there
        // would run as this user): the error says what to do.
        Storage.PrivateFolder.Ensure(options.TempDirectory, "the parent of task working directories (the engine's TempDirectory)");
        Storage.PrivateFolder.Ensure(options.ScratchDirectory, "this engine's scratch folder");
        var identity = ProcessIdentity.TryParse(options.ProcessId);
        var now = _services.Time.GetUtcNow();
        await _services.Processes.RegisterAsync(
            new ProcessRecord(options.ProcessId, identity?.Host ?? ProcessIdentity.HostName, identity?.Pid ?? Environment.ProcessId, options.ProcessKind, now, now)
            {
                WorkerGroup = options.RunsWorker ? options.WorkerGroup : null,
            },
            cancellationToken).ConfigureAwait(false);
        _registered = true;
        if (options.RunsExecutor)
        {
            var executor = new Executor(_services, _nudges, Logs, _flows);
            _loops.Add(Task.Run(() => executor.RunAsync(_stop.Token), CancellationToken.None));
            if (options.Owner is null)
            {
                var fallbacks = new WorkerGroupFallbacks(_services, _flows, Logs, _nudges);
                _loops.Add(Task.Run(() => fallbacks.RunAsync(_stop.Token), CancellationToken.None));
            }
        }

        if (options.RunsWorker)
        {
            var worker = new Worker(_services, _nudges, Logs, _flows, _running);
            _loops.Add(Task.Run(() => worker.RunAsync(_claiming.Token, _stop.Token), CancellationToken.None));
        }

        _loops.Add(Task.Run(() => HeartbeatAsync(_stop.Token), CancellationToken.None));
    }

    /// <summary>
    /// The first step of a graceful stop: the worker claims no more jobs; attempts already running go on (and commit
    /// their results) until they end or <see cref="DisposeAsync"/> stops them and hands their jobs back. The executor
    /// keeps planning, so what they finish is recorded; jobs it enqueues meanwhile wait for other workers.
    /// </summary>
    public void StopClaiming() => _claiming.Cancel();

    /// <summary>Stores a new execution of <paramref name="flow"/> with already validated inputs and starts it.</summary>
    public Task<Execution> SubmitAsync(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, CancellationToken cancellationToken) =>
        SubmitAsync(flow, inputs, Ids.New(), cancellationToken);

    /// <summary>
    /// As above with an id chosen beforehand (FILE inputs are uploaded under the execution's id before it starts);
    /// <paramref name="shape"/> adjusts the drafted execution before it is stored (a replay's lineage).
    /// </summary>
    public async Task<Execution> SubmitAsync(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, string executionId, CancellationToken cancellationToken,
        Func<Execution, Execution>? shape = null)
    {
        var execution = Prepare(flow, inputs, executionId, trigger: null);
        execution = shape?.Invoke(execution) ?? execution;
        await _services.Store.CreateExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
        _nudges.ExecutionsChanged();
        // A flow with a concurrency limit may have queued, cancelled or failed it on the spot: answer what was stored.
        return flow.Concurrency is null
            ? execution
            : await _services.Store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false) ?? execution;
    }

    /// <summary>
    /// A new execution of <paramref name="flow"/> for this engine, not stored: the scheduler stores it in the transaction
    /// that records its trigger's slot (then calls <see cref="ExecutionsCreated"/>). SECRET inputs come out sealed.
    /// </summary>
    public Execution Prepare(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, string executionId, ExecutionTrigger? trigger)
    {
        var execution = ExecutionDrafts.New(_services, flow, inputs, executionId, trigger);
        _flows.Add(flow, execution.FlowSourceId!);
        return execution;
    }

    /// <summary>An execution this process ran has just ended (raised after the commit that stored the end).</summary>
    public event Action<string>? ExecutionEnded
    {
        add => _nudges.Ended += value;
        remove => _nudges.Ended -= value;
    }

    /// <summary>Executions were stored by someone else in this process (the scheduler): plan them now, not at the next poll.</summary>
    public void ExecutionsCreated() => _nudges.ExecutionsChanged();

    /// <summary>Resumes the paused runs of an execution (see <see cref="PauseResumer"/>) and has it planned at once here.</summary>
    public async Task<ResumeResult> ResumeAsync(Execution execution, FlowDefinition flow, IReadOnlyDictionary<string, object?> given, IPauseResumes resumes, CancellationToken cancellationToken)
    {
        var result = await new PauseResumer(_services.Store, resumes).ResumeAsync(execution, flow, given, cancellationToken).ConfigureAwait(false);
        if (result.Resumed)
        {
            _nudges.ExecutionsChanged();
        }

        return result;
    }

    /// <summary>
    /// Completes when the execution reaches a terminal state, whichever process ends it; returns it as stored. Throws
    /// <see cref="StoreFailedException"/> when the engine meets an environmental store failure first (a full disk): the
    /// execution is left as stored, for recovery once the cause is gone, instead of a wait that would never end.
    /// </summary>
    public async Task<Execution> WaitAsync(string executionId, CancellationToken cancellationToken)
    {
        var end = _waiter.WaitAsync(executionId, cancellationToken);
        if (await Task.WhenAny(end, _services.Health.Failed).ConfigureAwait(false) == end)
        {
            return await end.ConfigureAwait(false);
        }

        throw await _services.Health.Failed.ConfigureAwait(false);
    }

    /// <summary>
    /// Kills an execution: the request is stored, so it reaches the process running it wherever that is; tasks running
    /// here stop at once (process trees die), elsewhere within <see cref="EngineOptions.KillPollInterval"/>.
    /// </summary>
    public async Task<KillRequestOutcome> KillAsync(string executionId, CancellationToken cancellationToken)
    {
        var outcome = await _services.Kills.RequestKillAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (outcome is KillRequestOutcome.Requested or KillRequestOutcome.AlreadyRequested)
        {
            _nudges.KillRequested(executionId);
            _nudges.ExecutionsChanged();
        }

        return outcome;
    }

    /// <summary>
    /// Stops gracefully: no new claims, running attempts stop and their jobs go back to the queue at once (they run again
    /// as new attempts wherever this execution is run next), and the process leaves the registry.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _claiming.CancelAsync().ConfigureAwait(false);
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        // Leases handed over by the worker and not planned yet: back to the queue at once rather than at their expiry.
        foreach (var handed in _nudges.TakeAllHandOffs())
        {
            try
            {
                await _services.Planning.ReleaseAsync(handed, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The store is gone: the lease expires instead.
            }
        }

        if (_registered)
        {
            try
            {
                await _services.Processes.UnregisterAsync(_services.Options.ProcessId, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // The store is gone: the registry row goes stale, and its heartbeat tells others this process is gone.
            }
        }

        TryDelete(_services.Options.ScratchDirectory);
        await Logs.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _claiming.Dispose();
        _waiter.Dispose();
        _nudges.Dispose();
    }

    private async Task HeartbeatAsync(CancellationToken cancellationToken)
    {
        using var timer = new PeriodicTimer(_services.Options.LeaseDuration / 3, _services.Time);
        try
        {
            while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false))
            {
                try
                {
                    await _services.Processes.HeartbeatAsync(_services.Options.ProcessId, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
                {
                    // Missed once; the next tick tries again (others wait several intervals before calling a process gone).
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
    }

    private static void TryDelete(string directory)
    {
        try
        {
            if (Directory.Exists(directory))
            {
                Directory.Delete(directory, recursive: true);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Held by a process that outlived its task; the next Harrier process on this machine sweeps it.
        }
    }
}
