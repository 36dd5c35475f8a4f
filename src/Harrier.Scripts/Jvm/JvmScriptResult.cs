using Harrier.Core.Metrics;

namespace Harrier.Scripts.Jvm;

/// <summary>What the prelude reported, or why the run failed (<see cref="Failure"/>).</summary>
public sealed record JvmScriptResult(int ExitCode, bool Killed, string? Failure)
{
    /// <summary>Eval: the script's last value.</summary>
    public object? Result { get; init; }

    /// <summary>Eval: the values of the variables named in <c>outputs</c>.</summary>
    public IReadOnlyDictionary<string, object?> Outputs { get; init; } = new Dictionary<string, object?>();

    /// <summary>Files given to <c>putFile</c>: name under the task run's prefix → local path, uploaded by the task.</summary>
    public IReadOnlyList<(string Name, string Path)> Files { get; init; } = [];

    /// <summary>FileTransform: the rows written, one JSON value per line.</summary>
    public string? RowsFile { get; init; }

    public IReadOnlyList<MetricEntry> Metrics { get; init; } = [];
}
