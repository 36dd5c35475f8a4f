using Harrier.Core.Executions;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// Kestra's flow concurrency (see SQLite's ConcurrencyAdmission for the rule), decided under a transaction-level advisory
/// lock per flow: two processes creating or ending executions of one flow at once count one after the other, so neither
/// admits past the limit.
/// </summary>
internal static class ConcurrencyAdmission
{
    private const string ActiveStates = "('CREATED', 'RUNNING', 'KILLING', 'PAUSED', 'RETRYING', 'RESTARTED')";

    // The key space of hashtextextended is shared with no other Harrier lock but the flow revisions' (seed 1 there).
    private const string LockFlow = "SELECT pg_advisory_xact_lock(hashtextextended(@ns || '/' || @flow, 0))";

    private const string CountActive =
        "SELECT COUNT(*) FROM executions WHERE namespace = @ns AND flow_id = @flow AND state IN " + ActiveStates;

    private const string OldestQueued =
        "SELECT id FROM executions WHERE namespace = @ns AND flow_id = @flow AND state = 'QUEUED' ORDER BY created_at, id LIMIT @free";

    private const string Promote = "UPDATE executions SET state = 'CREATED', change_seq = change_seq + 1 WHERE id = @id AND state = 'QUEUED'";

    public static async Task<Execution> AdmitAsync(PgSession session, Execution execution, DateTimeOffset now, CancellationToken cancellationToken)
    {
        if (execution.ConcurrencyLimit is not { } limit || execution.State != State.Created ||
            await ActiveAsync(session, execution.Namespace, execution.FlowId, cancellationToken).ConfigureAwait(false) < limit)
        {
            return execution;
        }

        var reason = $"flow {execution.Namespace}.{execution.FlowId} already has {limit} active execution(s), its concurrency limit";
        return execution.ConcurrencyBehavior switch
        {
            "CANCEL" => execution with { State = State.Cancelled, EndDate = now, Error = reason + " (behavior CANCEL)" },
            "FAIL" => execution with { State = State.Failed, EndDate = now, Error = reason + " (behavior FAIL)" },
            _ => execution with { State = State.Queued },
        };
    }

    public static async Task PromoteQueuedAsync(PgSession session, string ns, string flowId, int limit, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var free = limit - await ActiveAsync(session, ns, flowId, cancellationToken).ConfigureAwait(false);
        if (free <= 0)
        {
            return;
        }

        var ids = await session.Sql(OldestQueued).Bind("@ns", ns).Bind("@flow", flowId).Bind("@free", free)
            .ReadAllAsync(r => r.GetString(0), cancellationToken).ConfigureAwait(false);
        foreach (var id in ids)
        {
            await session.Sql(Promote).Bind("@id", id).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await WakeupRows.WakeAsync(session, id, now, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Counts the flow's active executions after taking the flow's lock (held until the transaction ends).</summary>
    private static async Task<long> ActiveAsync(PgSession session, string ns, string flowId, CancellationToken cancellationToken)
    {
        await session.Sql(LockFlow).Bind("@ns", ns).Bind("@flow", flowId).ExecuteAsync(cancellationToken).ConfigureAwait(false);
        return (long)(await session.Sql(CountActive).Bind("@ns", ns).Bind("@flow", flowId).ScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }
}
