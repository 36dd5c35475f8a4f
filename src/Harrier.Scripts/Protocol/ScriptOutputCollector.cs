using System.Runtime.CompilerServices;
using Harrier.Core.Logs;
using Harrier.Core.Metrics;
using Harrier.Scripts.Logs;
using Harrier.Scripts.Runners;

namespace Harrier.Scripts.Protocol;

/// <summary>
/// The log consumer of a script task: turns stdout/stderr lines into outputs, metrics and log lines.
/// </summary>
/// <remarks>
/// Protocol lines (<c>::{…}::</c>, on either stream) are counted but never logged as text; their
/// <c>outputs</c> are shallow-merged (later keys win, nulls kept), <c>metrics</c> recorded and
/// <c>logs</c> re-emitted at their own level. A malformed protocol line is reported at WARN and
/// otherwise ignored: it never fails the task. Other lines are logged, stdout at INFO (DEBUG between
/// the <c>##kestra:log:debug##</c> and <c>##kestra:log:info##</c> markers, which are swallowed and not
/// counted) and stderr at <see cref="StderrLevel"/> (ERROR by default, as Kestra ≥0.21).
/// Not thread-safe: runners deliver lines one at a time.
/// </remarks>
public sealed class ScriptOutputCollector : ITaskOutputSink
{
    public const string DebugMarker = "##kestra:log:debug##";
    public const string InfoMarker = "##kestra:log:info##";

    // A malformed multi-megabyte line must not become a multi-megabyte warning.
    private const int MaxQuotedChars = 500;

    private readonly ITaskLogSink _logs;
    private readonly Dictionary<string, object?> _outputs = new(StringComparer.Ordinal);
    private readonly List<MetricEntry> _metrics = [];
    private bool _debugMode;

    public ScriptOutputCollector(ITaskLogSink logs)
    {
        _logs = logs;
    }

    /// <summary>The task's id, named in warnings (null: "this task").</summary>
    public string? TaskId { get; init; }

    /// <summary>Level of ordinary stderr lines (default ERROR; Kestra ≤0.20 used WARN).</summary>
    public TaskLogLevel StderrLevel { get; init; } = TaskLogLevel.Error;

    /// <summary>Merged <c>outputs</c> of every protocol line and side-channel record so far, in first-seen key order.</summary>
    public IReadOnlyDictionary<string, object?> Outputs => _outputs;

    public IReadOnlyList<MetricEntry> Metrics => _metrics;

    public int StdOutLineCount { get; private set; }

    public int StdErrLineCount { get; private set; }

    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnStdout(string line)
    {
        if (IsMarker(line))
        {
            return;
        }

        StdOutLineCount++;
        if (!TryApplyProtocolLine(line))
        {
            _logs.Log(_debugMode ? TaskLogLevel.Debug : TaskLogLevel.Info, line);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void OnStderr(string line)
    {
        if (IsMarker(line))
        {
            return;
        }

        StdErrLineCount++;
        if (!TryApplyProtocolLine(line))
        {
            _logs.Log(StderrLevel, line);
        }
    }

    /// <summary>
    /// Applies one protocol JSON object (without the <c>::</c> delimiters), e.g. a side-channel record.
    /// Returns false and logs a WARN naming <paramref name="origin"/> when it is malformed.
    /// </summary>
    public bool ApplyJson(string json, string origin)
    {
        if (!ProtocolMessageParser.TryParse(json, out var message, out var error))
        {
            _logs.Log(TaskLogLevel.Warn, $"Ignored an invalid {origin} ({error}): {Quote(json)}");
            return false;
        }

        Apply(message);
        return true;
    }

    /// <summary>
    /// A line past the runner's limit is cut, so an outputs line that long cannot be applied: said at WARN, with the
    /// limit and the ways around it, rather than losing the outputs without a word.
    /// </summary>
    public void OnLineCut(bool isStderr, int maxLineBytes)
    {
        var task = TaskId is null ? "this task" : $"task '{TaskId}'";
        _logs.Log(TaskLogLevel.Warn,
            $"A {(isStderr ? "stderr" : "stdout")} line of {task} is longer than {Size(maxLineBytes)} (the runner's MaxLineBytes): it is logged in pieces of that size, "
            + "and if it was an outputs line (::{…}::) its outputs are lost. Send large outputs through the $HARRIER_OUTPUTS file, or write them to a file listed in outputFiles.");
    }

    /// <summary>Reports, at WARN, something wrong with the task's outputs that did not fail it.</summary>
    public void Warn(string message) => _logs.Log(TaskLogLevel.Warn, message);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryApplyProtocolLine(string line)
    {
        if (!ProtocolLine.TryGetJson(line, out var json))
        {
            return false;
        }

        ApplyJson(json, "outputs line");
        return true;
    }

    private void Apply(ProtocolMessage message)
    {
        if (message.Outputs is not null)
        {
            foreach (var (key, value) in message.Outputs)
            {
                _outputs[key] = value;
            }
        }

        _metrics.AddRange(message.Metrics);
        foreach (var entry in message.Logs)
        {
            _logs.Log(entry.Level, entry.Message);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsMarker(string line)
    {
        if (line == DebugMarker)
        {
            _debugMode = true;
            return true;
        }

        if (line == InfoMarker)
        {
            _debugMode = false;
            return true;
        }

        return false;
    }

    private static string Size(int bytes) => bytes switch
    {
        _ when bytes % (1024 * 1024) == 0 => $"{bytes / (1024 * 1024)} MiB",
        _ when bytes % 1024 == 0 => $"{bytes / 1024} KiB",
        _ => $"{bytes} bytes",
    };

    private static string Quote(string text) =>
        text.Length <= MaxQuotedChars ? $"'{text}'" : $"'{text[..MaxQuotedChars]}…' ({text.Length} characters)";
}
