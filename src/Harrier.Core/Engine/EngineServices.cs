using Harrier.Core.Inputs;
using Harrier.Core.Queue;
using Harrier.Core.Rendering;
using Harrier.Core.Storage;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;
using Harrier.Core.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Harrier.Core.Engine;

/// <summary>What the executor and the workers are built from.</summary>
public sealed record EngineServices
{
    public required IExecutionStore Store { get; init; }

    /// <summary>The engine's fenced writes over executions, task runs, jobs and wake-ups.</summary>
    public required IEngineCommits Commits { get; init; }

    /// <summary>Durable wake-ups of executors.</summary>
    public required IPlanningQueue Planning { get; init; }

    public required IKillRequests Kills { get; init; }

    public required IProcessRegistry Processes { get; init; }

    public required IExecutionOwnership Ownership { get; init; }

    /// <summary>Wake-ups from other processes on the same database (PostgreSQL); null when the store has none (SQLite).</summary>
    public Coordination.IStoreNotifications? Notifications { get; init; }

    /// <summary>Environmental failures the engine's loops met (a full disk), for whoever waits on the engine.</summary>
    public Coordination.EngineHealth Health { get; init; } = new();

    /// <summary>Counts of what this process's engine did (planning passes), for <c>/metrics</c>.</summary>
    public Coordination.EngineActivity Activity { get; } = new();

    /// <summary>System logs of the engine (not task logs, which are data in <see cref="Logs"/>).</summary>
    public ILoggerFactory Loggers { get; init; } = NullLoggerFactory.Instance;

    public required ILogStore Logs { get; init; }

    /// <summary>Seals SECRET inputs before an execution is stored and opens them for tasks (one key per data directory).</summary>
    public required SecretInputCipher SecretCipher { get; init; }

    public required IJobQueue Queue { get; init; }

    public required ITemplateRenderer Renderer { get; init; }

    public required TaskTypeRegistry Registry { get; init; }

    public required TaskImplementations Implementations { get; init; }

    public IExpressionSyntaxChecker? ExpressionChecker { get; init; }

    public TimeProvider Time { get; init; } = TimeProvider.System;

    public EngineOptions Options { get; init; } = new();

    /// <summary>Internal storage (output files, FILE inputs, namespace files); null when this engine has none.</summary>
    public IFileStorage? Files { get; init; }

    /// <summary>Worker services handed to task implementations (file storage, runners…).</summary>
    public IServiceProvider? TaskServices { get; init; }

    /// <summary>The KV store <c>kv()</c> reads in task properties (the one the KV tasks and the server's KV API use).</summary>
    public Store.KeyValues.IKeyValueStore? KeyValues { get; init; }

    /// <summary>Where Subflows find the flows they start; null when this engine has none (a Subflow then fails saying so).</summary>
    public Flows.IFlowRepository? Flows { get; init; }

    public IReadOnlyDictionary<string, object?> Globals { get; init; } = new Dictionary<string, object?>();
}
