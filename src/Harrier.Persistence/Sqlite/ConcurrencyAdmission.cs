using Harrier.Core.Executions;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// Kestra's flow concurrency, decided in the transaction that stores an execution and in the one that ends it, so two
/// processes on one database never both admit past the limit. Active means created and not ended, QUEUED aside: an
/// execution counts from the moment it is stored, not from its first task, so a burst of starts cannot overshoot.
/// </summary>
internal static class ConcurrencyAdmission
{
    public const string ActiveStates = "('CREATED', 'RUNNING', 'KILLING', 'PAUSED', 'RETRYING', 'RESTARTED')";

    private const string CountActive =
        "SELECT COUNT(*) FROM executions WHERE namespace = @ns AND flow_id = @flow AND state IN " + ActiveStates;

    private const string OldestQueued =
        "SELECT id FROM executions WHERE namespace = @ns AND flow_id = @flow AND state = 'QUEUED' ORDER BY created_at, id LIMIT @free";

    private const string Promote = "UPDATE executions SET state = 'CREATED', change_seq = change_seq + 1 WHERE id = @id AND state = 'QUEUED'";

    /// <summary>The execution as it must be stored: unchanged under the limit, else QUEUED, CANCELLED or FAILED by its flow's behavior.</summary>
    public static Execution Admit(SqliteWrite write, Execution execution, DateTimeOffset now)
    {
        if (execution.ConcurrencyLimit is not { } limit || execution.State != State.Created || Active(write, execution.Namespace, execution.FlowId) < limit)
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

    /// <summary>After an execution of the flow ended: as many of its oldest QUEUED executions as the limit now allows become CREATED and are woken.</summary>
    public static void PromoteQueued(SqliteWrite write, string ns, string flowId, int limit, DateTimeOffset now)
    {
        var free = limit - Active(write, ns, flowId);
        if (free <= 0)
        {
            return;
        }

        var ids = new List<string>();
        using (var reader = write.Command(OldestQueued).Bind("@ns", ns).Bind("@flow", flowId).Bind("@free", free).ExecuteReader())
        {
            while (reader.Read())
            {
                ids.Add(reader.GetString(0));
            }
        }

        foreach (var id in ids)
        {
            write.Command(Promote).Bind("@id", id).ExecuteNonQuery();
            WakeupRows.Wake(write, id, now);
        }
    }

    private static long Active(SqliteWrite write, string ns, string flowId) =>
        (long)write.Command(CountActive).Bind("@ns", ns).Bind("@flow", flowId).ExecuteScalar()!;
}
