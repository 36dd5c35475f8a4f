using Harrier.Core.Inputs;
using Harrier.Core.Queue;
using Harrier.Core.Rendering;
using Harrier.Core.Storage;
using Harrier.Core.Store;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;
using Harrier.Core.Validation;

namespace Harrier.Core.Engine;

/// <summary>What the executor and the workers are built from.</summary>
public sealed record EngineServices
{
    public required IExecutionStore Store { get; init; }

    /// <summary>Writes spanning <see cref="Store"/> and <see cref="Queue"/>; <see cref="SequentialEngineCommits"/> when the backend has no shared transaction.</summary>
    public required IEngineCommits Commits { get; init; }

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

    public IReadOnlyDictionary<string, object?> Globals { get; init; } = new Dictionary<string, object?>();
}
