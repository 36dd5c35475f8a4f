using System.Diagnostics;
using System.Text;

namespace Harrier.TestKit.Processes;

/// <summary>
/// The <c>harrier</c> command run as a real child process (the apphost next to the test assembly), with its output
/// gathered line by line. Tests kill it like a crash would (<see cref="KillHard"/>: SIGKILL, no clean-up of any kind),
/// pause and resume it, and wait for it with a deadline — never without one.
/// </summary>
public sealed class HarrierProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly List<(Func<string, bool> Match, TaskCompletionSource<string> Seen)> _watches = [];

    private HarrierProcess(Process process) => _process = process;

    public int Id => _process.Id;

    /// <summary>Everything printed so far, stdout and stderr interleaved as they came.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static string Executable => Path.Combine(AppContext.BaseDirectory, OperatingSystem.IsWindows() ? "harrier.exe" : "harrier");

    public static HarrierProcess Start(string workingDirectory, params string[] arguments) =>
        Start(workingDirectory, new Dictionary<string, string>(), arguments);

    /// <summary>As above, with extra environment variables (a server's <c>HARRIER_…</c> settings).</summary>
    public static HarrierProcess Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var startInfo = new ProcessStartInfo(Executable)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        startInfo.Environment["NO_COLOR"] = "1";
        foreach (var (name, value) in environment)
        {
            startInfo.Environment[name] = value;
        }

        var process = new Process { StartInfo = startInfo };
        var harrier = new HarrierProcess(process);
        process.OutputDataReceived += (_, e) => harrier.Append(e.Data);
        process.ErrorDataReceived += (_, e) => harrier.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return harrier;
    }

    /// <summary>Runs harrier to its end (at most <paramref name="timeout"/>) and returns its exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, TimeSpan timeout, params string[] arguments) =>
        RunAsync(workingDirectory, new Dictionary<string, string>(), timeout, arguments);

    /// <summary>As above, with extra environment variables.</summary>
    public static async Task<(int ExitCode, string Output)> RunAsync(string workingDirectory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, params string[] arguments)
    {
        using var harrier = Start(workingDirectory, environment, arguments);
        var exit = await harrier.WaitForExitAsync(timeout);
        return (exit, harrier.Output);
    }

    /// <summary>Completes with the first line (already printed or to come) that <paramref name="match"/> accepts.</summary>
    public Task<string> WaitForLineAsync(Func<string, bool> match, TimeSpan timeout)
    {
        var seen = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (_output)
        {
            var existing = _output.ToString().Split('\n').FirstOrDefault(match);
            if (existing is not null)
            {
                return Task.FromResult(existing);
            }

            _watches.Add((match, seen));
        }

        return seen.Task.WaitAsync(timeout);
    }

    /// <summary>Its exit code, once it has exited; throws <see cref="TimeoutException"/> (with its output) after <paramref name="timeout"/>.</summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        try
        {
            await _process.WaitForExitAsync().WaitAsync(timeout);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"harrier (pid {Id}) did not exit within {timeout}; its output:\n{Output}");
        }

        // The asynchronous readers may still hold the last lines: the parameterless wait drains them.
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>SIGKILL: the process dies at once, at whatever instruction it was, and cleans nothing up.</summary>
    public void KillHard()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
            _process.WaitForExit();
        }
    }

    /// <summary>SIGSTOP / SIGCONT: the process is frozen (alive, but running nothing), as under a debugger.</summary>
    public void Pause() => Signal("STOP");

    public void Resume() => Signal("CONT");

    /// <summary>SIGTERM: what a service manager sends to stop a server gracefully.</summary>
    public void Terminate() => Signal("TERM");

    public void Dispose()
    {
        try
        {
            Resume();
            KillHard();
        }
        catch (InvalidOperationException)
        {
            // Never started or already gone.
        }

        _process.Dispose();
    }

    private void Signal(string signal)
    {
        if (_process.HasExited)
        {
            return;
        }

        using var kill = Process.Start(new ProcessStartInfo("kill", $"-{signal} {Id}") { UseShellExecute = false }) ?? throw new InvalidOperationException("could not run kill");
        kill.WaitForExit();
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        List<TaskCompletionSource<string>> matched = [];
        lock (_output)
        {
            _output.AppendLine(line);
            for (var i = _watches.Count - 1; i >= 0; i--)
            {
                if (_watches[i].Match(line))
                {
                    matched.Add(_watches[i].Seen);
                    _watches.RemoveAt(i);
                }
            }
        }

        foreach (var seen in matched)
        {
            seen.TrySetResult(line);
        }
    }
}
