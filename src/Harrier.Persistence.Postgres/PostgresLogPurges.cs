using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Persistence.Logs;
using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// PurgeLogs on PostgreSQL (contract: <see cref="ILogPurges"/>), in one transaction: the chunks of the selected executions
/// are read and locked (<c>FOR UPDATE</c>), those whose every line matches are deleted and the others rewritten
/// (<see cref="LogChunkPurge"/>). Appends never change a stored chunk — they insert new ones with sequences from the
/// <c>log_sequence</c> counter — so an append racing the purge only adds rows the purge has not read and does not touch,
/// and no sequence is handed out twice. Purges take a transaction-level advisory lock, so two never rewrite one chunk.
/// </summary>
public sealed class PostgresLogPurges(PostgresDatabase database) : ILogPurges
{
    private const string LockPurges = "SELECT pg_advisory_xact_lock(hashtextextended('harrier.log_purge', 0))";

    public Task<long> PurgeAsync(LogPurge purge, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            await session.Sql(LockPurges).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            var chunks = await ReadCandidatesAsync(session, purge, cancellationToken).ConfigureAwait(false);
            long deleted = 0;
            var batch = new NpgsqlBatch(session.Connection);
            await using (batch.ConfigureAwait(false))
            {
                foreach (var lines in chunks)
                {
                    var (count, runs) = LogChunkPurge.Decide(lines, purge);
                    if (count == 0)
                    {
                        continue;
                    }

                    deleted += count;
                    var delete = new NpgsqlBatchCommand("DELETE FROM log_chunks WHERE first_seq = $1");
                    delete.Parameters.Add(new NpgsqlParameter { NpgsqlDbType = NpgsqlTypes.NpgsqlDbType.Bigint, Value = lines[0].Sequence });
                    batch.BatchCommands.Add(delete);
                    foreach (var run in runs)
                    {
                        batch.BatchCommands.Add(LogChunks.Chunk(run[0].Sequence, run[0], run.Count, LogChunkPurge.Encode(run)));
                    }
                }

                if (batch.BatchCommands.Count > 0)
                {
                    await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                }
            }

            return deleted;
        }, cancellationToken);

    private static async Task<List<List<LogEntry>>> ReadCandidatesAsync(PgSession session, LogPurge purge, CancellationToken cancellationToken)
    {
        var conditions = LogChunkPurge.Conditions(purge);

        var columns = string.Join(", ", LogChunks.ChunkColumns.Split(", ").Select(c => "c." + c));
        var sql = "SELECT " + columns + " FROM log_chunks c" + (conditions.Count > 0 ? " WHERE " + string.Join(" AND ", conditions) : "") +
            " ORDER BY c.first_seq FOR UPDATE OF c";
        var statement = session.Sql(sql);
        if (purge.ExecutionId is not null)
        {
            statement.Bind("@execution_id", purge.ExecutionId);
        }

        if (purge.Namespace is not null)
        {
            statement.Bind("@namespace", purge.Namespace);
        }

        if (purge.FlowId is not null)
        {
            statement.Bind("@flow_id", purge.FlowId);
        }

        return await statement.ReadAllAsync(LogChunks.Decode, cancellationToken).ConfigureAwait(false);
    }
}
