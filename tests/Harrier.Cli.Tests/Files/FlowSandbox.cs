using System.Text.Json;
using Harrier.Cli.Tests.Flows;

namespace Harrier.Cli.Tests.Files;

/// <summary>A temporary data directory and flow folder; runs flows through <c>harrier run --json --logs</c> and reads the result.</summary>
internal sealed class FlowSandbox : IDisposable
{
    public string Root { get; } = Path.Combine(Path.GetTempPath(), "harrier-tests", Guid.NewGuid().ToString("N"));

    public string DataDir => Path.Combine(Root, "data");

    public string WriteFile(string name, string content)
    {
        var path = Path.Combine(Root, name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, content);
        return path;
    }

    public RunResult Run(string yaml, params string[] extra)
    {
        var flow = WriteFile($"flow-{Guid.NewGuid():N}.yml", yaml);
        var run = CliRun.Of(["run", flow, "--json", "--logs", "--data-dir", DataDir, .. extra]);
        return new RunResult(run, run.Output.Length > 0 && run.Output.TrimStart().StartsWith('{') ? JsonDocument.Parse(run.Output).RootElement.Clone() : default);
    }

    public CliRun Cli(params string[] args) => CliRun.Of([.. args, "--data-dir", DataDir]);

    public void Dispose()
    {
        if (Directory.Exists(Root))
        {
            Directory.Delete(Root, recursive: true);
        }
    }
}
