using System.Text.Json;
using Harrier.Cli.Tests.Support;
using Harrier.Core.Storage;

namespace Harrier.Cli.Tests.CoreTasks.Storage;

/// <summary>
/// Flows for the storage tasks: a first task <c>make</c> writes the input file (each line followed by <c>\n</c>) and
/// outputs it, so later tasks read it as <c>{{ outputs.make.outputFiles['FILE'] }}</c>; files the run stored are read
/// back from its data directory.
/// </summary>
internal static class StorageFlow
{
    /// <summary>Runs <paramref name="tasks"/> (YAML list items indented by two spaces) after the <c>make</c> task.</summary>
    public static FlowRun Run(string directory, string id, string file, IEnumerable<string> lines, string tasks) =>
        FlowRun.Of(directory, Yaml(id, file, lines, tasks));

    public static string Yaml(string id, string file, IEnumerable<string> lines, string tasks)
    {
        var quoted = string.Join(' ', lines.Select(line => "'" + line.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        return $"""
            id: {id}
            namespace: harrier.tests
            tasks:
              - id: make
                type: io.kestra.plugin.scripts.shell.Commands
                taskRunner:
                  type: io.kestra.plugin.core.runner.Process
                commands:
                  - |
                    printf '%s\n' {quoted} > {file}
                outputFiles: ["{file}"]

            """ + tasks;
    }

    public static IEnumerable<string> Numbers(int from, int to) => Enumerable.Range(from, to - from + 1).Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>The content of a stored file, as its bytes decoded from UTF-8.</summary>
    public static string Read(string directory, string uri) => File.ReadAllText(PathOf(directory, uri));

    public static bool Exists(string directory, string uri) => File.Exists(PathOf(directory, uri));

    public static string PathOf(string directory, string uri) =>
        Path.Combine([directory, "data", "storage", "files", .. StorageUri.Parse(uri).Segments]);

    public static JsonElement Outputs(this FlowRun run, string taskId) => run.Run(taskId).GetProperty("outputs");

    public static IReadOnlyList<string> Uris(this FlowRun run, string taskId) =>
        [.. run.Outputs(taskId).GetProperty("uris").EnumerateArray().Select(uri => uri.GetString()!)];

    public static string Uri(this FlowRun run, string taskId) => run.Outputs(taskId).GetProperty("uri").GetString()!;

    public static long Long(this FlowRun run, string taskId, string output) => run.Outputs(taskId).GetProperty(output).GetInt64();

    /// <summary>The ERROR lines of a task, joined, for asserting on what a failure said.</summary>
    public static string Errors(this FlowRun run, string taskId) =>
        string.Join('\n', run.Logs.Where(l => l.TaskId == taskId && l.Level == "ERROR").Select(l => l.Message));
}
