using System.Collections.Concurrent;
using Harrier.Scripts.Runners;

namespace Harrier.Scripts.Python;

/// <summary>The major.minor version of an interpreter, asked once per interpreter path (part of the dependency cache key).</summary>
internal static class PythonVersion
{
    private static readonly ConcurrentDictionary<string, string> Known = new(StringComparer.Ordinal);

    public static async Task<string> OfAsync(ITaskRunner runner, string python, string workingDirectory, CancellationToken cancellationToken)
    {
        if (Known.TryGetValue(python, out var known))
        {
            return known;
        }

        var sink = new FirstLine();
        var result = await runner.RunAsync(
            new TaskRunnerRequest([python, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"], workingDirectory), sink, cancellationToken).ConfigureAwait(false);
        var version = result.ExitCode == 0 && sink.Line is { Length: > 0 } line ? line.Trim() : "unknown";
        return Known.GetOrAdd(python, version);
    }

    private sealed class FirstLine : ITaskOutputSink
    {
        public string? Line { get; private set; }

        public void OnStdout(string line) => Line ??= line;

        public void OnStderr(string line)
        {
        }
    }
}
