using System.Diagnostics;
using System.Globalization;
using System.Text;
using Harrier.Cli.Tests.Flows;
using Harrier.Cli.Tests.Support;
using Harrier.TestKit.Git;

namespace Harrier.Cli.Tests.Scale;

/// <summary>
/// <c>executions show --json --logs</c> streams its JSON over the log cursor: for an execution of a million log lines
/// (about 140 MB of JSON) the process's peak memory stays far below the size of what it prints (it took 1.3 GB when
/// the JSON was built in memory). Peak RSS comes from GNU time's <c>%M</c>, a real measurement of the real process.
/// </summary>
public sealed class JsonLogsMemoryTests
{
    private const int Lines = 1_000_000;

    /// <summary>Several times the ~65 MB measured, and a tenth of what building the JSON in memory took.</summary>
    private const long PeakLimitKiB = 250 * 1024;

    [Fact]
    public async Task ShowJsonLogs_OfAMillionLines_PrintsThemAll_WithAPeakMemoryFarBelowTheJsonItPrints()
    {
        using var scratch = new ScratchDirectory();
        var data = scratch.Combine("data");
        File.WriteAllText(scratch.Combine("million.yml"), $$"""
            id: million
            namespace: company.team
            tasks:
              - id: lines
                type: io.kestra.plugin.scripts.shell.Commands
                commands:
                  - seq 1 {{Lines}}
            """);
        var run = CliRun.Of("run", scratch.Combine("million.yml"), "--data-dir", data);
        Assert.Equal(0, run.ExitCode);
        var id = CliRun.Of("executions", "list", "--data-dir", data).Output.Split(' ')[0];

        var json = scratch.Combine("show.json");
        var (peakKiB, exitCode) = await PeakMemoryAsync(json, "executions", "show", id, "--json", "--logs", "--data-dir", data);

        Assert.Equal(0, exitCode);
        var size = new FileInfo(json).Length;
        Assert.True(size > 100_000_000, $"the JSON has {size} bytes");
        Assert.EndsWith($"\"message\":\"{Lines}\"", Tail(json).Split(",\"timestamp\"")[^2], StringComparison.Ordinal);
        Assert.True(peakKiB < PeakLimitKiB, $"peak RSS {peakKiB} KiB for {size / 1_000_000} MB of JSON");
    }

    /// <summary>Runs harrier under GNU time with stdout to <paramref name="stdoutFile"/>; returns its peak RSS in KiB.</summary>
    private static async Task<(long PeakKiB, int ExitCode)> PeakMemoryAsync(string stdoutFile, params string[] args)
    {
        var report = stdoutFile + ".time";
        var start = new ProcessStartInfo(ExternalTool.Require("time")) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-f", "%M", "-o", report, Path.Combine(AppContext.BaseDirectory, "harrier") }.Concat(args))
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start GNU time");
        await using (var file = File.Create(stdoutFile))
        {
            var errors = process.StandardError.ReadToEndAsync();
            await process.StandardOutput.BaseStream.CopyToAsync(file);
            await errors;
        }

        await process.WaitForExitAsync();
        return (long.Parse(File.ReadAllText(report).Trim().Split('\n')[^1], CultureInfo.InvariantCulture), process.ExitCode);
    }

    private static string Tail(string path)
    {
        using var file = File.OpenRead(path);
        file.Seek(-400, SeekOrigin.End);
        var buffer = new byte[400];
        file.ReadExactly(buffer);
        return Encoding.UTF8.GetString(buffer);
    }
}
