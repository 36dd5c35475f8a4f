using System.Diagnostics;
using Harrier.Cli.Tests.Running;
using Harrier.TestKit.Processes;

namespace Harrier.Cli.Tests.Durability;

/// <summary>
/// The data directory on a real tmpfs that fills up during a log flood: <c>harrier run</c> stops with one sentence naming
/// the full disk and the way out — no hang, no "please report it" — and once the disk has room again,
/// <c>harrier executions recover</c> finishes the execution.
/// </summary>
public sealed class FullDiskTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(180);
    private readonly TempFolder _folder = new();
    private readonly string _disk;

    public FullDiskTests()
    {
        _disk = Path.Combine(_folder.Path, "disk");
        Directory.CreateDirectory(_disk);
        var (exit, output) = Run("mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", _disk);
        Assert.True(exit == 0, $"this test mounts a tmpfs and needs root (CI runs as root): mount said {output}");
    }

    [Fact]
    public async Task DiskFilledByALogFlood_EndsTheRunWithASentence_AndRecoverFinishesItOnceThereIsRoom()
    {
        var data = Path.Combine(_disk, "data");
        var flow = _folder.File("flood.yml", """
            id: flood
            namespace: tests.disk
            tasks:
              - id: flood
                type: io.kestra.plugin.scripts.python.Script
                script: |
                  for i in range(200000):
                      print(f"line {i:07d} of a flood meant to fill a small disk, padded to be long enough")
              - id: after
                type: io.kestra.plugin.core.log.Log
                message: the disk had room again
            """);

        var (exit, output) = await HarrierProcess.RunAsync(_folder.Path, Patience, "run", flow, "--data-dir", data);

        Assert.True(exit != 0, output);
        Assert.Contains($"the disk holding Harrier's data directory '{data}' is full", output, StringComparison.Ordinal);
        Assert.Contains("harrier executions recover", output, StringComparison.Ordinal);
        Assert.DoesNotContain("please report it", output, StringComparison.Ordinal);

        Assert.Equal(0, Run("mount", "-o", "remount,size=128m", _disk).ExitCode);
        var (recovered, recoverOutput) = await HarrierProcess.RunAsync(_folder.Path, Patience, "executions", "recover", "--data-dir", data);

        Assert.True(recovered == 0, recoverOutput);
        Assert.Contains("SUCCESS", recoverOutput, StringComparison.Ordinal);
        Assert.Contains("the disk had room again", recoverOutput, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Run("umount", "-l", _disk);
        _folder.Dispose();
    }

    private static (int ExitCode, string Output) Run(string command, params string[] arguments)
    {
        var start = new ProcessStartInfo(command) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, output);
    }
}
