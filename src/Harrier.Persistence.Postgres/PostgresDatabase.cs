using System.Data;
using Harrier.Core.Store;
using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// One PostgreSQL database shared by the stores of a process, through one <see cref="NpgsqlDataSource"/> (one pool per
/// process). A write is one READ COMMITTED transaction; the rows that decide (a lease, an execution's change sequence, a
/// job) are locked by the statements that check them, so a check and the write it allows are never separated by another
/// process's commit.
/// </summary>
/// <remarks>
/// Deadlocks and serialization failures are retried (the whole unit of work runs again, up to
/// <see cref="MaxAttempts"/> times): several processes lock executions, wake-ups and jobs in orders the engine does not
/// fix everywhere, and PostgreSQL's answer — abort one of them — is safe to repeat since nothing of it was stored.
/// Durability: a call returns after COMMIT, so with the server's default <c>synchronous_commit=on</c> what it wrote
/// survives a crash of Harrier and of the database.
/// </remarks>
public sealed class PostgresDatabase : IAsyncDisposable
{
    private const int MaxAttempts = 8;

    private readonly NpgsqlDataSource _source;

    private PostgresDatabase(NpgsqlDataSource source, PostgresOptions options, string connectionString)
    {
        _source = source;
        Options = options;
        ConnectionString = connectionString;
    }

    public PostgresOptions Options { get; }

    /// <summary>The database's address without its password.</summary>
    public string Address => Options.Redacted();

    /// <summary>The pool's connection string (for the LISTEN connection, which stays out of the pool).</summary>
    internal string ConnectionString { get; }

    /// <summary>Opens the pool and applies pending migrations (under an advisory lock: two processes starting at once do not race).</summary>
    public static async Task<PostgresDatabase> OpenAsync(PostgresOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        options.Validate();
        var builder = new NpgsqlConnectionStringBuilder(options.ConnectionString())
        {
            MaxPoolSize = options.MaxPoolSize,
            // Npgsql prepares the statements a connection runs most (the engine's few dozen fixed SQL texts).
            MaxAutoPrepare = 64,
            AutoPrepareMinUsages = 2,
            ApplicationName = "harrier",
            // The store never changes session state (no SET, no temporary tables; LISTEN has its own connection): resetting
            // every connection returned to the pool (RESET ALL, DISCARD…) was server work on every call, and DISCARD ALL
            // also dropped the auto-prepared statements.
            NoResetOnClose = true,
        };
        var source = NpgsqlDataSource.Create(builder.ConnectionString);
        var database = new PostgresDatabase(source, options, builder.ConnectionString);
        try
        {
            await PostgresMigrations.ApplyAsync(database, time, cancellationToken).ConfigureAwait(false);
            return database;
        }
        catch
        {
            await source.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Runs <paramref name="work"/> in one transaction and commits it; retried whole on a deadlock.</summary>
    internal async Task<T> WriteAsync<T>(Func<PgSession, Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
                await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
                var session = new PgSession(connection, transaction);
                var result = await work(session).ConfigureAwait(false);
                await session.SendNotificationsAsync(cancellationToken).ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (PostgresException ex) when (ex.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure && attempt < MaxAttempts)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 10 * attempt)), cancellationToken).ConfigureAwait(false);
            }
            catch (NpgsqlException ex) when (IsEnvironmental(ex))
            {
                throw Describe(ex);
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled connection, each statement on its own (no transaction).</summary>
    internal async Task<T> ReadAsync<T>(Func<PgSession, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            return await work(new PgSession(connection, null)).ConfigureAwait(false);
        }
        catch (NpgsqlException ex) when (IsEnvironmental(ex))
        {
            throw Describe(ex);
        }
    }

    /// <summary>Runs <paramref name="work"/> in one REPEATABLE READ transaction: every statement sees the same snapshot (the work only reads).</summary>
    internal async Task<T> SnapshotAsync<T>(Func<PgSession, Task<T>> work, CancellationToken cancellationToken)
    {
        try
        {
            await using var connection = await OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken).ConfigureAwait(false);
            var result = await work(new PgSession(connection, transaction)).ConfigureAwait(false);
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return result;
        }
        catch (NpgsqlException ex) when (IsEnvironmental(ex))
        {
            throw Describe(ex);
        }
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();

    private async Task<NpgsqlConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        try
        {
            return await _source.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (NpgsqlException ex)
        {
            // Whatever stops a connection (unreachable, refused, a wrong password, no such database) is the setup's, not Harrier's.
            throw Describe(ex);
        }
    }

    /// <summary>
    /// Failures of the machine or the network, not of Harrier: the connection broke or could not be made, the server is
    /// shutting down, out of disk or of connections (SQLSTATE classes 08, 53, 57, 58).
    /// </summary>
    private static bool IsEnvironmental(NpgsqlException exception) => exception switch
    {
        PostgresException postgres => postgres.SqlState[..2] is "08" or "53" or "57" or "58",
        _ => exception.InnerException is System.Net.Sockets.SocketException or IOException or TimeoutException || exception.IsTransient,
    };

    private StoreFailedException Describe(NpgsqlException exception) => new(
        $"Harrier cannot use its PostgreSQL database {Address}: {exception.Message}. What was committed before stays; check that the " +
        "server runs and accepts connections from this machine (and that its disk is not full); Harrier's processes pick the work up again once it answers.",
        exception);
}
