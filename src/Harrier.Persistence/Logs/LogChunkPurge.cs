using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Persistence.Logs;

/// <summary>
/// What a purge does to one stored chunk, the same on both databases: nothing when no line matches; delete it when every
/// line does; otherwise delete it and store each run of consecutive kept lines as a chunk of its own, so that every chunk
/// still holds consecutive sequences (migration 0003's invariant) and every kept line its sequence.
/// </summary>
internal static class LogChunkPurge
{
    /// <summary>The decision for a chunk's <paramref name="lines"/> (in sequence order).</summary>
    public static (int Deleted, IReadOnlyList<IReadOnlyList<LogEntry>> KeptRuns) Decide(IReadOnlyList<LogEntry> lines, LogPurge purge)
    {
        var runs = new List<IReadOnlyList<LogEntry>>();
        List<LogEntry>? run = null;
        var deleted = 0;
        foreach (var line in lines)
        {
            if (purge.Matches(line))
            {
                deleted++;
                run = null;
                continue;
            }

            if (run is null)
            {
                run = [];
                runs.Add(run);
            }

            run.Add(line);
        }

        return (deleted, runs);
    }

    /// <summary>Encodes a run of kept lines (one stream, consecutive sequences) as a chunk payload.</summary>
    public static byte[] Encode(IReadOnlyList<LogEntry> run)
    {
        using var encoder = new LogChunkEncoder();
        encoder.Start(run[0].Timestamp.UtcTicks);
        foreach (var line in run)
        {
            encoder.Add(line.Level, line.Timestamp.UtcTicks, line.Message);
        }

        return encoder.Payload.ToArray();
    }
}
