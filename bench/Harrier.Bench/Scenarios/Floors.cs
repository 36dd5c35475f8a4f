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
        long peak = 0;
        var stopwatch = Stopwatch.StartNew();
        for (var i = 1; i <= count; i++)
        {
            var result = ChildProcess.RunQuiet(argv(i));
            EnsureSucceeded(result, argv(i));
            peak = Math.Max(peak, result.PeakRssKb);
        }

        return new Measurement(stopwatch.Elapsed.TotalMilliseconds, peak);
    }

    /// <summary>Runs <paramref name="count"/> copies of a command, <paramref name="parallelism"/> at a time.</summary>
    public static Measurement Parallel(int count, int parallelism, IReadOnlyList<string> argv)
    {
        long peak = 0;
        var next = 0;
        var stopwatch = Stopwatch.StartNew();
        // Plain threads, because wait4 blocks: thread-pool starvation would throttle the floor, not the OS.
        var threads = Enumerable.Range(0, parallelism).Select(_ => new Thread(() =>
        {
            while (Interlocked.Increment(ref next) <= count)
            {
                var result = ChildProcess.RunQuiet(argv);
                EnsureSucceeded(result, argv);
                InterlockedMax(ref peak, result.PeakRssKb);
            }
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());
        return new Measurement(stopwatch.Elapsed.TotalMilliseconds, peak);
    }

    private static void EnsureSucceeded(ChildResult result, IReadOnlyList<string> argv)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Floor command '{string.Join(' ', argv)}' exited {result.ExitCode}.");
        }
    }

    private static void InterlockedMax(ref long target, long value)
    {
        long current;
        while (value > (current = Interlocked.Read(ref target)) && Interlocked.CompareExchange(ref target, value, current) != current)
        {
        }
    }
}
