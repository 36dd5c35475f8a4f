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
    /// <summary>
    /// The SQL conditions on <c>log_chunks c</c> that select the purge's executions (by id, or by the namespace and flow of
    /// <c>executions e</c>), with parameters <c>@execution_id</c>, <c>@namespace</c>, <c>@flow_id</c>; none for every execution.
    /// </summary>
    public static List<string> Conditions(LogPurge purge)
    {
        var conditions = new List<string>();
        if (purge.ExecutionId is not null)
        {
            conditions.Add("c.execution_id = @execution_id");
        }

        var flow = new List<string>();
        if (purge.Namespace is not null)
        {
            flow.Add("e.namespace = @namespace");
        }

        if (purge.FlowId is not null)
        {
            flow.Add("e.flow_id = @flow_id");
        }

        if (flow.Count > 0)
        {
            conditions.Add("c.execution_id IN (SELECT e.id FROM executions e WHERE " + string.Join(" AND ", flow) + ")");
        }

        return conditions;
    }

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
