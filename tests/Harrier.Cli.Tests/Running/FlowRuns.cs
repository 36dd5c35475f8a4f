namespace Harrier.Cli.Tests.Running;

/// <summary>Runs YAML flows through the real <c>harrier run</c> command, in process, each in its own data directory.</summary>
internal sealed class FlowRuns : IDisposable
{
    private readonly TempFolder _folder = new();

    public string DataDirectory => Path.Combine(_folder.Path, "data");

    public string File(string name, string content) => _folder.File(name, content);

    /// <summary>Writes <paramref name="flow"/> to a file and runs it with <c>--json --logs</c> and the extra arguments.</summary>
    public RunResult Run(string flow, params string[] extraArguments)
    {
        var file = _folder.File($"flow-{Guid.NewGuid():N}.yml", flow);
        return RunFile(file, ["--json", "--logs", .. extraArguments]);
    }

    public RunResult RunFile(string file, params string[] arguments)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = HarrierCli.Run(["run", file, "--data-dir", DataDirectory, .. arguments], output, error);
        return new RunResult(exitCode, output.ToString(), error.ToString());
    }

    public void Dispose() => _folder.Dispose();
}
