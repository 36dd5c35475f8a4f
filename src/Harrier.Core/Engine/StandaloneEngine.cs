using Harrier.Core.Engine.Executors;
using Harrier.Core.Engine.Workers;
using Harrier.Core.Executions;
using Harrier.Core.Flows;

namespace Harrier.Core.Engine;

/// <summary>
/// Executor and worker in one process (standalone mode): submit executions, follow their logs live,
/// wait for them, kill them. Everything goes through the store and the queue, as in distributed mode.
/// </summary>
public sealed class StandaloneEngine : IAsyncDisposable
{
    private readonly EngineServices _services;
    private readonly EngineSignals _signals = new();
    private readonly FlowCache _flows;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Task> _loops = [];

    public StandaloneEngine(EngineServices services)
    {
        services.Options.Validate();
        _services = services;
        Logs = new LogWriter(services.Logs);
        _flows = new FlowCache(new FlowLoader(services.Registry, services.ExpressionChecker));
    }

    private int _disposed;

    public LogWriter Logs { get; }

    public EngineServices Services => _services;

    public void Start()
    {
        var executor = new Executor(_services, _signals, Logs, _flows);
        var worker = new Worker(_services, _signals, Logs, _flows);
        _loops.Add(Task.Run(() => executor.RunAsync(_stop.Token)));
        _loops.Add(Task.Run(() => worker.RunAsync(_stop.Token)));
    }

    /// <summary>Stores a new execution of <paramref name="flow"/> with already validated inputs and starts it.</summary>
    public Task<Execution> SubmitAsync(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, CancellationToken cancellationToken) =>
        SubmitAsync(flow, inputs, Ids.New(), cancellationToken);

    /// <summary>As above with an id chosen beforehand (FILE inputs are uploaded under the execution's id before it starts).</summary>
    public async Task<Execution> SubmitAsync(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, string executionId, CancellationToken cancellationToken)
    {
        var execution = new Execution
        {
            Id = executionId,
            Namespace = flow.Namespace,
            FlowId = flow.Id,
            FlowRevision = flow.Revision,
            State = State.Created,
            Inputs = SecretInputs.Seal(flow, inputs, _services.SecretCipher),
            Labels = flow.Labels,
            CreatedAt = _services.Time.GetUtcNow(),
            FlowSource = flow.Source,
            FlowFile = flow.SourceFile,
        };
        await _services.Store.CreateExecutionAsync(execution, cancellationToken).ConfigureAwait(false);
        _flows.Add(execution, flow);
        _ = _signals.WhenFinished(execution.Id);
        _signals.ExecutionChanged(execution.Id);
        return execution;
    }

    /// <summary>Completes when the execution reaches a terminal state; returns it as stored.</summary>
    public async Task<Execution> WaitAsync(string executionId, CancellationToken cancellationToken)
    {
        await _signals.WhenFinished(executionId).WaitAsync(cancellationToken).ConfigureAwait(false);
        _signals.Forget(executionId);
        return await _services.Store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false)
            ?? throw new InvalidOperationException($"Execution {executionId} disappeared from the store.");
    }

    /// <summary>Kills a running execution: running tasks are cancelled (process trees die), nothing new starts.</summary>
    public async Task KillAsync(string executionId, CancellationToken cancellationToken)
    {
        var execution = await _services.Store.GetExecutionAsync(executionId, cancellationToken).ConfigureAwait(false);
        if (execution is null || execution.State.IsTerminal())
        {
            return;
        }

        // The executor, the only writer of execution states, stores KILLING on its next pass: writing it here raced
        // with a pass in flight, which could store its own state over KILLING. Running tasks stop at once.
        _signals.Kill(executionId);
        _signals.ExecutionChanged(executionId);
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await Task.WhenAll(_loops).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        await Logs.DisposeAsync().ConfigureAwait(false);
        _stop.Dispose();
        _signals.Dispose();
    }
}
