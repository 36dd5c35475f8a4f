namespace Harrier.Scripts.Jvm;

/// <summary>One Eval or FileTransform run: the rendered script and everything its prelude binds.</summary>
/// <param name="WorkingDirectory">The attempt's directory: the child starts there and its files land there.</param>
public sealed record JvmScriptRequest(JvmScriptEngine Engine, JvmScriptMode Mode, string WorkingDirectory, string Script)
{
    /// <summary>Kestra's variables (<c>execution</c>, <c>flow</c>, <c>inputs</c>, <c>outputs</c>, <c>taskrun</c>…) as plain data, bound by name.</summary>
    public IReadOnlyDictionary<string, object?> Bindings { get; init; } = new Dictionary<string, object?>();

    /// <summary>Eval's <c>outputs</c>: the names of the variables whose values the task returns.</summary>
    public IReadOnlyList<string> Outputs { get; init; } = [];

    /// <summary>FileTransform: the rows, one JSON value per line (Harrier converts Ion and JSON sources to this).</summary>
    public string? RowsFile { get; init; }

    /// <summary>FileTransform's <c>concurrent</c>: rows transformed at once (order is kept either way).</summary>
    public int Concurrent { get; init; } = 1;

    /// <summary>The task run's storage prefix; <c>runContext.storage().putFile(file)</c> answers a URI under it.</summary>
    public string StoragePrefix { get; init; } = "kestra:///";

    /// <summary>Storage files the script may read with <c>runContext.storage().getFile(uri)</c>: URI → local copy.</summary>
    public IReadOnlyDictionary<string, string> StorageFiles { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra environment of the child (the worker's own is inherited).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
