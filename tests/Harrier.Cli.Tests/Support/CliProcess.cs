using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace Harrier.Cli.Tests.Support;

/// <summary>
/// The real <c>harrier</c> executable (the apphost built next to the tests) as a child process, for what only a
/// process shows: signals (Ctrl-C is SIGINT), exit codes, what is left running afterwards.
/// </summary>
internal sealed partial class CliProcess : IDisposable
{
    public const int SigInt = 2;
    public const int SigTerm = 15;

    private readonly Process _process;
    private readonly StringBuilder _output = new();
    private readonly StringBuilder _error = new();
    private readonly Lock _gate = new();

    private CliProcess(Process process)
    {
        _process = process;
    }

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_gate)
            {
                return _output.ToString();
            }
        }
    }

    public string Error
    {
        get
        {
            lock (_gate)
            {
                return _error.ToString();
            }
        }
    }

    public static CliProcess Start(string workingDirectory, params string[] args) => StartWith(new Dictionary<string, string>(), workingDirectory, args);

    /// <summary>Starts harrier with extra environment variables (e.g. TMPDIR).</summary>
    public static CliProcess StartWith(IReadOnlyDictionary<string, string> environment, string workingDirectory, params string[] args)
    {
        // Started through perl, which puts SIGINT back to its default and execs harrier in place (same pid): a test
        // runner launched in the background of a non-interactive shell inherits SIGINT ignored, passes that on to
        // every child, and a harrier that ignores SIGINT (as any Unix program told to by nohup or `&` does) would
        // never see the Ctrl-C these tests send. perl-base is Essential in Debian, so it is always there.
        var start = new ProcessStartInfo("/usr/bin/perl")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add("-e");
        start.ArgumentList.Add("$SIG{INT} = 'DEFAULT'; exec { $ARGV[0] } @ARGV or die \"exec $ARGV[0]: $!\\n\";");
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "harrier"));
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        var process = new Process { StartInfo = start };
        var cli = new CliProcess(process);
        process.OutputDataReceived += (_, e) => cli.Append(cli._output, e.Data);
        process.ErrorDataReceived += (_, e) => cli.Append(cli._error, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return cli;
    }

    public void Signal(int signal)
    {
        if (Kill(_process.Id, signal) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Waits for the exit (and the end of both streams); returns the exit code.</summary>
    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var limit = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(limit.Token);
        return _process.ExitCode;
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    private void Append(StringBuilder builder, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_gate)
        {
            builder.Append(line).Append('\n');
        }
    }
}
