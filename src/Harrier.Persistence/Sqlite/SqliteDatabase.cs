using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// One SQLite file shared by the stores of a process. Writes go through a single long-lived connection guarded
/// by a semaphore: SQLite allows one writer at a time anyway, and queueing in-process is far cheaper than
/// letting connections spin on SQLITE_BUSY. Reads use pooled connections of their own, which in WAL mode see
/// the last committed state and never block the writer or each other.
/// </summary>
/// <remarks>
/// Durability: WAL with <c>synchronous=NORMAL</c>. A commit appends to the WAL file without an fsync; the WAL
/// is synced at checkpoints. Once a write method returns, the transaction is in the OS page cache, so it
/// survives a crash or kill of the Harrier process. A power loss or kernel crash may lose the last
/// transactions since the previous sync (a checkpoint: at most every 16,384 WAL pages, under a second of a busy
/// engine), but never corrupts the database (WAL frames are checksummed and
/// a torn tail is discarded on recovery). FULL (see <see cref="SqliteOptions.SynchronousFull"/>) closes that
/// window at the cost of one fsync per commit.
/// </remarks>
public sealed class SqliteDatabase : IAsyncDisposable
{
    /// <summary>Reader connections kept for reuse; more are opened under load and closed beyond this many.</summary>
    private const int KeptReaders = 8;

    /// <summary>Writes committed together at most: bounds how long the first of a group waits for the last.</summary>
    private const int MaxGroup = 64;

    private readonly SemaphoreSlim _writeLock = new(1, 1);
    private readonly Lock _pendingGate = new();
    private readonly List<PendingWrite> _pending = [];
    private readonly System.Collections.Concurrent.ConcurrentBag<SqliteRead> _readers = [];
    private readonly SqliteConnection _writer;
    private readonly SqliteWrite _write;
    private readonly SqliteRead _writerRead;
    private readonly string _readConnectionString;
    private bool _disposed;

    private readonly string _ownReaderConnectionString;

    private SqliteDatabase(SqliteConnection writer, string readConnectionString, string ownReaderConnectionString, string path)
    {
        _ownReaderConnectionString = ownReaderConnectionString;
        _writer = writer;
        _write = new SqliteWrite(writer);
        _writerRead = new SqliteRead(writer, ownsConnection: false);
        _readConnectionString = readConnectionString;
        Path = path;
    }

    public string Path { get; }

    /// <summary>Creates the data directory if needed, opens (or creates) the database and applies pending migrations.</summary>
    public static Task<SqliteDatabase> OpenAsync(SqliteOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        options.Validate();
        cancellationToken.ThrowIfCancellationRequested();
        var path = options.DatabasePath;
        OwnerOnly.PrepareDatabase(path);
        DataDirectoryProbe.EnsureWritable(System.IO.Path.GetDirectoryName(path)!);
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            ForeignKeys = true,
            // The writer lives as long as the store; pooling it would keep the file open after DisposeAsync.
            Pooling = false,
            DefaultTimeout = (int)Math.Ceiling(options.BusyTimeout.TotalSeconds),
        };
        var writer = new SqliteConnection(builder.ToString());
        try
        {
            writer.Open();
            Configure(writer, options, write: true);
            SqliteMigrations.Apply(writer, time, cancellationToken);
        }
        catch (SqliteException exception)
        {
            writer.Dispose();
            throw new DataDirectoryException(
                $"Harrier cannot open its database '{path}': {exception.Message} " +
                "Check that the file is a Harrier database, that the disk is not full, and that the directory is writable.", exception);
        }
        catch
        {
            writer.Dispose();
            throw;
        }

        // Readers only read: a read-only connection makes an accidental write through them fail loudly.
        // Pooled, because opening is the dominant cost of a point read (measured: 11 µs pooled, 125 µs not).
        builder.Mode = SqliteOpenMode.ReadOnly;
        var ownReaders = builder.ToString();
        builder.Pooling = true;
        return Task.FromResult(new SqliteDatabase(writer, builder.ToString(), ownReaders, path));
    }

    /// <summary>
    /// Runs <paramref name="work"/> in an IMMEDIATE transaction on the writer connection and commits it; returns (or throws)
    /// once that transaction is committed (or rolled back).
    /// </summary>
    /// <remarks>
    /// Group commit: writes that arrive while another holds the writer are queued, and the next holder runs up to
    /// <see cref="MaxGroup"/> of them, in arrival order, in one transaction — each inside a savepoint of its own, so one
    /// write that throws (a lost lease, a version conflict) is undone alone and its caller gets the exception while the
    /// others commit. Each caller is answered only after the COMMIT, so "returned means stored" holds as before, and a
    /// process killed before the COMMIT loses only writes nobody was told about. The writes run one after the other on one
    /// connection, each seeing the ones before it, exactly as separate transactions in that order would. A failure of the
    /// transaction itself (disk full, an I/O error, the COMMIT) fails every write of the group: nothing of it is stored.
    /// A lone write runs without a savepoint, as a plain transaction. Half of a small transaction is its COMMIT (measured
    /// in a 10,000-iteration ForEach: 167 of 324 µs), which a group pays once; groups stay small in practice (there,
    /// 24,263 writes in 22,772 transactions: mostly a log batch riding with a worker's or the executor's commit).
    /// </remarks>
    public async Task<T> WriteAsync<T>(Func<SqliteWrite, T> work, CancellationToken cancellationToken)
    {
        var mine = new PendingWrite<T>(work, cancellationToken);
        lock (_pendingGate)
        {
            _pending.Add(mine);
        }

        var holding = false;
        try
        {
            await _writeLock.WaitAsync(cancellationToken).ConfigureAwait(false);
            holding = true;
        }
        catch (OperationCanceledException) when (!mine.TryWithdraw())
        {
            // A holder took this write into its group before the wait gave up: its outcome is the answer.
        }

        if (holding)
        {
            try
            {
                // Holding the writer, this write is either answered (a previous holder ran it) or still queued.
                while (!mine.IsCompleted)
                {
                    RunGroup();
                }
            }
            finally
            {
                _writeLock.Release();
            }
        }

        return await mine.Task.ConfigureAwait(false);
    }

    /// <summary>Takes the queued writes (at most <see cref="MaxGroup"/>), runs them in one transaction and answers each.</summary>
    private void RunGroup()
    {
        var group = new List<PendingWrite>();
        lock (_pendingGate)
        {
            var seen = 0;
            for (; seen < _pending.Count && group.Count < MaxGroup; seen++)
            {
                if (_pending[seen].TryTake())
                {
                    group.Add(_pending[seen]);
                }
            }

            _pending.RemoveRange(0, seen);
        }

        try
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            var live = new List<PendingWrite>(group.Count);
            foreach (var write in group)
            {
                if (write.CancellationToken.IsCancellationRequested)
                {
                    write.Fail(new OperationCanceledException(write.CancellationToken));
                }
                else
                {
                    live.Add(write);
                }
            }

            if (live.Count > 0)
            {
                Commit(live);
            }
        }
        catch (Exception exception)
        {
            // Nothing of the group is stored: every write not answered yet fails with the reason.
            foreach (var write in group)
            {
                write.Fail(exception);
            }
        }
    }

    private void Commit(List<PendingWrite> group)
    {
        // BEGIN/COMMIT as statements prepared once: SqliteTransaction prepares both anew on every write, which
        // was a tenth of the engine's CPU at one task run write per step.
        _write.Begin();
        try
        {
            if (group is [var alone])
            {
                alone.Run(_write);
            }
            else
            {
                foreach (var write in group)
                {
                    _write.BeginOne();
                    try
                    {
                        write.Run(_write);
                        _write.EndOne();
                    }
                    catch (Exception exception) when (exception is not SqliteException sqlite || !StoreFailures.IsEnvironmental(sqlite))
                    {
                        if (!_write.InTransaction)
                        {
                            // SQLite ended the whole transaction on this failure: the group fails as one.
                            throw;
                        }

                        _write.UndoOne();
                        write.Fail(exception);
                    }
                }
            }

            _write.Commit();
        }
        catch (SqliteException exception) when (StoreFailures.IsEnvironmental(exception))
        {
            _write.Rollback();
            throw StoreFailures.Describe(exception, Path);
        }
        catch
        {
            _write.Rollback();
            throw;
        }

        foreach (var write in group)
        {
            // A write that failed in its savepoint keeps its own exception.
            write.Complete();
        }
    }

    /// <summary>Runs <paramref name="work"/> on a pooled read-only connection.</summary>
    public Task<T> ReadAsync<T>(Func<SqliteConnection, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        using var connection = new SqliteConnection(_readConnectionString);
        connection.Open();
        return Task.FromResult(work(connection));
    }

    /// <summary>
    /// Runs <paramref name="work"/> on one of the database's own reader connections, whose prepared commands are kept
    /// (the hot reads of the engine). Readers in WAL mode see the last committed state and never block the writer.
    /// </summary>
    /// <remarks>
    /// When no write is in progress, the read runs on the writer connection instead (taking the write lock for its few
    /// microseconds): its page cache is warm with what this process just wrote, where a reader connection would re-read
    /// every page changed since its last read (measured: 52 page reads a step against 7).
    /// </remarks>
    public Task<T> QueryAsync<T>(Func<SqliteRead, T> work, CancellationToken cancellationToken)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        cancellationToken.ThrowIfCancellationRequested();
        if (_writeLock.Wait(0, CancellationToken.None))
        {
            try
            {
                ObjectDisposedException.ThrowIf(_disposed, this);
                return Task.FromResult(work(_writerRead));
            }
            finally
            {
                _writeLock.Release();
            }
        }

        if (!_readers.TryTake(out var reader))
        {
            var connection = new SqliteConnection(_ownReaderConnectionString);
            connection.Open();
            reader = new SqliteRead(connection);
        }

        var keep = false;
        try
        {
            var result = work(reader);
            keep = true;
            return Task.FromResult(result);
        }
        finally
        {
            // A reader whose work failed may be mid-transaction: closing it is simpler than repairing it.
            if (keep && !_disposed && _readers.Count < KeptReaders)
            {
                _readers.Add(reader);
            }
            else
            {
                reader.Dispose();
            }
        }
    }

    /// <summary>A PRAGMA's value as a read connection sees it (diagnostics and tests; journal_mode is per database).</summary>
    public Task<string?> PragmaAsync(string name, CancellationToken cancellationToken) =>
        ReadAsync(connection =>
        {
            if (!name.All(c => char.IsAsciiLetter(c) || c == '_'))
            {
                throw new ArgumentException($"'{name}' is not a pragma name.", nameof(name));
            }

            using var command = SqliteCommands.Create(connection, null, "PRAGMA " + name);
            return Convert.ToString(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        }, cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await _writeLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            // Readers first: the last connection to close checkpoints and removes the WAL, which a read-only one cannot.
            while (_readers.TryTake(out var reader))
            {
                reader.Dispose();
            }

            SqliteConnection.ClearPool(new SqliteConnection(_readConnectionString));
            _write.DisposeCommands();
            _writerRead.Dispose();
            _writer.Dispose();
        }
        finally
        {
            _writeLock.Release();
        }
    }

    private static void Configure(SqliteConnection connection, SqliteOptions options, bool write)
    {
        var busy = (long)options.BusyTimeout.TotalMilliseconds;
        var pragmas = $"PRAGMA busy_timeout = {busy};";
        if (write)
        {
            // journal_size_limit: after a checkpoint, truncate the WAL file back to 64 MB at most, so one burst of
            // a million log lines does not leave a WAL of hundreds of MB on disk for the life of the process.
            // cache_size: 32 MB of pages for the writer, which also serves most reads (QueryAsync): a step touches pages
            // all over the task run indexes, and the 2 MB default had them read back from disk (pread) again and again.
            // wal_autocheckpoint: a checkpoint every 16,384 WAL pages (64 MB, the size the WAL is truncated back to) instead
            // of SQLite's 1,000. A step writes ~40 pages, mostly the same few index pages again, so the default checkpointed
            // every ~25 steps, each time in the middle of a commit with two fsyncs; a checkpoint copies each page once however
            // often it was rewritten, so fewer of them also copy less. Measured on a ForEach of 10,000 Log iterations
            // (harrier run, 2 cores): 24.1 -> 17.7 s and 21.6 -> 15.6 s in alternated runs.
            pragmas += "PRAGMA journal_mode = WAL; PRAGMA journal_size_limit = 67108864; PRAGMA cache_size = -32768; PRAGMA wal_autocheckpoint = 16384;" +
                (options.SynchronousFull ? "PRAGMA synchronous = FULL;" : "PRAGMA synchronous = NORMAL;");
        }

        using var command = SqliteCommands.Create(connection, null, pragmas);
        command.ExecuteNonQuery();
    }
}
