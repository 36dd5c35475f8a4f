namespace Harrier.Cli.Tests.Flows;

/// <summary>One in-process run of the <c>harrier</c> command with its exit code and both streams.</summary>
internal sealed record CliRun(int ExitCode, string Output, string Error)
{
    public static CliRun Of(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = HarrierCli.Run(args, output, error);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }

    public IReadOnlyList<string> ErrorLines => Error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
