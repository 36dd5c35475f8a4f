using System.Diagnostics;
using Harrier.Bench.Harness;
using Harrier.Bench.Processes;

namespace Harrier.Bench.Scenarios;

/// <summary>The bare-metal side of the scenarios: the same processes, started by the harness with nothing in between.</summary>
public static class Floors
{
    /// <summary>Runs <paramref name="count"/> commands one after the other.</summary>
    public static Measurement Sequential(int count, Func<int, IReadOnlyList<string>> argv)
    {
        var stopwatch = Stopwatch.StartNew();
        for (var i = 1; i <= count; i++)
        {
            EnsureSucceeded(ChildProcess.RunQuiet(argv(i)), argv(i));
        }

        return new Measurement(stopwatch.Elapsed.TotalMilliseconds, 0);
    }

    /// <summary>Runs <paramref name="count"/> copies of a command, <paramref name="parallelism"/> at a time.</summary>
    public static Measurement Parallel(int count, int parallelism, IReadOnlyList<string> argv)
    {
        var next = 0;
        var stopwatch = Stopwatch.StartNew();
        // Plain threads, because wait4 blocks: thread-pool starvation would throttle the floor, not the OS.
        var threads = Enumerable.Range(0, parallelism).Select(_ => new Thread(() =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                EnsureSucceeded(ChildProcess.RunQuiet(argv), argv);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return new Measurement(stopwatch.Elapsed.TotalMilliseconds, 0);
    }

    /// <summary>
    /// Peak RSS of one floor command, from an extra untimed run: timed floor runs stay free of the
    /// measuring wrapper, and every copy of a floor command peaks alike.
    /// </summary>
    public static long PeakRssKb(IReadOnlyList<string> argv)
    {
        var result = ChildProcess.RunMeasured(argv);
        EnsureSucceeded(result, argv);
        return result.PeakRssKb;
    }

    private static void EnsureSucceeded(ChildResult result, IReadOnlyList<string> argv)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Floor command '{string.Join(' ', argv)}' exited {result.ExitCode}.");
        }
    }
}
