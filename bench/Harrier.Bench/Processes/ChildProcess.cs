using System.Diagnostics;
using System.Runtime.InteropServices;

namespace Harrier.Bench.Processes;

/// <summary>
/// Runs a command to its end with posix_spawn + wait4 and times it. Output goes to files (or /dev/null)
/// rather than pipes, so the harness never becomes the bottleneck of what it measures.
/// </summary>
public static class ChildProcess
{
    /// <summary>
    /// Runs <paramref name="argv"/> under GNU time for its peak RSS. Not wait4's own ru_maxrss: a child
    /// spawned from this process inherits, at exec, the high-water mark of the harness's address space
    /// (the kernel records the old mm's peak), so a 2 MB <c>sh</c> would show the harness's 40 MB. GNU
    /// time forks from a tiny process, so its figure is the command's own. It costs ~1 ms of wall time,
    /// so timed floors never run through it.
    /// </summary>
    public static ChildResult RunMeasured(IReadOnlyList<string> argv)
    {
        var peakFile = Path.GetTempFileName();
        try
        {
            var result = RunCaptured([TimeCommand, "-f", "%M", "-o", peakFile, .. argv]);
            var text = File.ReadAllText(peakFile).Trim().Split('\n')[^1];
            return long.TryParse(text, out var peak)
                ? result with { PeakRssKb = peak }
                : throw new InvalidOperationException($"GNU time gave no peak RSS for '{string.Join(' ', argv)}' ({text}); exit {result.ExitCode}: {result.Stderr.Trim()}");
        }
        finally
        {
            File.Delete(peakFile);
        }
    }

    private const string TimeCommand = "/usr/bin/time";

    /// <summary>Runs <paramref name="argv"/> with stdout/stderr discarded; for floors and warm-ups.</summary>
    public static ChildResult RunQuiet(IReadOnlyList<string> argv) => Run(argv, captureOutput: false);

    /// <summary>Runs <paramref name="argv"/> capturing stdout and stderr (through temp files).</summary>
    public static ChildResult RunCaptured(IReadOnlyList<string> argv) => Run(argv, captureOutput: true);

    private static unsafe ChildResult Run(IReadOnlyList<string> argv, bool captureOutput)
    {
        var stdoutPath = captureOutput ? Path.GetTempFileName() : "/dev/null";
        var stderrPath = captureOutput ? Path.GetTempFileName() : "/dev/null";
        var pointers = new List<nint>();
        var fileActions = Marshal.AllocHGlobal(Native.FileActionsSize);
        try
        {
            var argvArray = ToNullTerminated(argv, pointers);
            var envArray = ToNullTerminated(CurrentEnvironment(), pointers);
            Check(Native.posix_spawn_file_actions_init(fileActions), "posix_spawn_file_actions_init");
            const int flags = Native.O_WRONLY | Native.O_CREAT | Native.O_TRUNC;
            Check(Native.posix_spawn_file_actions_addopen(fileActions, 0, "/dev/null", 0, 0), "addopen stdin");
            Check(Native.posix_spawn_file_actions_addopen(fileActions, 1, stdoutPath, flags, 0x1A4), "addopen stdout");
            Check(Native.posix_spawn_file_actions_addopen(fileActions, 2, stderrPath, flags, 0x1A4), "addopen stderr");
            var stopwatch = Stopwatch.StartNew();
            int pid;
            fixed (nint* argvPointer = argvArray)
            fixed (nint* envPointer = envArray)
            {
                // posix_spawn returns the error number itself rather than setting errno.
                var error = Native.posix_spawnp(out pid, argv[0], fileActions, 0, argvPointer, envPointer);
                if (error != 0)
                {
                    throw new InvalidOperationException($"Could not start {argv[0]}: {Marshal.GetPInvokeErrorMessage(error)}.");
                }
            }

            var status = Wait(pid);
            stopwatch.Stop();
            return new ChildResult(
                ExitCode(status),
                stopwatch.Elapsed,
                captureOutput ? File.ReadAllText(stdoutPath) : "",
                captureOutput ? File.ReadAllText(stderrPath) : "");
        }
        finally
        {
            Native.posix_spawn_file_actions_destroy(fileActions);
            Marshal.FreeHGlobal(fileActions);
            pointers.ForEach(Marshal.FreeCoTaskMem);
            if (captureOutput)
            {
                File.Delete(stdoutPath);
                File.Delete(stderrPath);
            }
        }
    }

    private static int Wait(int pid)
    {
        while (true)
        {
            if (Native.wait4(pid, out var status, 0, out _) == pid)
            {
                return status;
            }

            var errno = Marshal.GetLastPInvokeError();
            if (errno != Native.EINTR)
            {
                throw new InvalidOperationException($"wait4({pid}) failed: {Marshal.GetPInvokeErrorMessage(errno)}.");
            }
        }
    }

    // The wait status: low 7 bits are the terminating signal (0 when it exited), bits 8-15 the exit code.
    private static int ExitCode(int status) => (status & 0x7F) == 0 ? (status >> 8) & 0xFF : 128 + (status & 0x7F);

    private static IEnumerable<string> CurrentEnvironment() =>
        Environment.GetEnvironmentVariables().Cast<System.Collections.DictionaryEntry>().Select(e => $"{e.Key}={e.Value}");

    private static nint[] ToNullTerminated(IEnumerable<string> strings, List<nint> pointers)
    {
        var array = strings.Select(s => Marshal.StringToCoTaskMemUTF8(s)).ToList();
        pointers.AddRange(array);
        array.Add(0);
        return [.. array];
    }

    private static void Check(int result, string what)
    {
        if (result != 0)
        {
            throw new InvalidOperationException($"{what} failed: {Marshal.GetPInvokeErrorMessage(result)}.");
        }
    }
}
