using Harrier.Cli.Tests.Support;

namespace Harrier.Cli.Tests.Running;

/// <summary>
/// Through the real executable: whatever a task started — setsid, a double fork, daemon(3) — is gone once the task is,
/// whether it timed out, harrier got Ctrl-C (SIGINT) or SIGTERM, or the task simply ended.
/// </summary>
public sealed class EscapedDescendantProcessTests : IDisposable
{
    private const string StartEscapes = """
        setsid sleep 300 & echo $! >> "$PIDS"
        python3 -c "import os, time
        if os.fork() == 0:
            os.setsid()
            if os.fork() == 0:
                open(os.environ['PIDS'], 'a').write(str(os.getpid()) + chr(10)); time.sleep(300)
            os._exit(0)
        os.wait()"
        python3 -c "import ctypes, os, time
        ctypes.CDLL(None).daemon(0, 0)
        open(os.environ['PIDS'], 'a').write(str(os.getpid()) + chr(10)); time.sleep(300)"
        while [ "$(wc -l < "$PIDS")" -lt 3 ]; do sleep 0.05; done
        echo started
        """;

    private readonly ScratchDirectory _scratch = new();

    public void Dispose() => _scratch.Dispose();

    [Theory]
    [InlineData("timeout")]
    [InlineData("SIGINT")]
    [InlineData("SIGTERM")]
    [InlineData("end")]
    public async Task NothingATaskStarted_OutlivesIt(string how)
    {
        var pids = _scratch.Combine("pids.txt");
        File.WriteAllText(pids, "");
        var tail = how == "end" ? "echo finished" : "sleep 300";
        var timeout = how == "timeout" ? "    timeout: PT3S\n" : "";
        File.WriteAllText(_scratch.Combine("escape.yml"), $"""
            id: escape
            namespace: company.team
            tasks:
              - id: spawn
                type: io.kestra.plugin.scripts.shell.Script
            {timeout}    env:
                  PIDS: {pids}
                script: |
            {Indent(StartEscapes + "\n" + tail, 6)}
            """);

        using var cli = CliProcess.Start(_scratch.Path, "run", "escape.yml", "--data-dir", _scratch.Combine("data"));
        Assert.True(await Eventually.TrueAsync(() => cli.Output.Contains("started", StringComparison.Ordinal), TimeSpan.FromSeconds(60)), cli.Output + cli.Error);
        if (how.StartsWith("SIG", StringComparison.Ordinal))
        {
            cli.Signal(how == "SIGINT" ? CliProcess.SigInt : CliProcess.SigTerm);
        }

        var exitCode = await cli.ExitAsync(TimeSpan.FromSeconds(60));

        Assert.True((how == "end" ? 0 : 1) == exitCode, $"exit {exitCode}: {cli.Output}{cli.Error}");
        var started = File.ReadAllLines(pids).Where(l => l.Length > 0).Select(int.Parse).ToList();
        Assert.Equal(3, started.Count);
        try
        {
            foreach (var pid in started)
            {
                Assert.True(await Eventually.TrueAsync(() => !IsRunning(pid), TimeSpan.FromSeconds(10)), $"process {pid} outlived its task ({how})");
            }
        }
        finally
        {
            // Processes this test started: stopped by their pid whatever the outcome.
            foreach (var pid in started.Where(IsRunning))
            {
                System.Diagnostics.Process.GetProcessById(pid).Kill();
            }
        }
    }

    private static string Indent(string text, int spaces) =>
        string.Join('\n', text.Split('\n').Select(line => new string(' ', spaces) + line));

    private static bool IsRunning(int pid)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            return stat[(stat.LastIndexOf(')') + 2)] is not ('Z' or 'X');
        }
        catch (IOException)
        {
            return false;
        }
    }
}
