using Harrier.Persistence.Sqlite;
using Xunit;

namespace Harrier.Persistence.Tests.Sqlite;

/// <summary>
/// Writes queued behind the writer commit together (see <see cref="SqliteDatabase.WriteAsync{T}"/>), yet each stays its
/// own all-or-nothing unit: one that throws is undone alone, one withdrawn while waiting never runs.
/// </summary>
public sealed class SqliteGroupCommitTests : IAsyncLifetime
{
    private static readonly CancellationToken Ct = CancellationToken.None;
    private readonly TempDataDirectory _directory = new();
    private SqliteDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await SqliteDatabase.OpenAsync(new SqliteOptions { DataDirectory = _directory.Path }, TimeProvider.System, Ct);
        await _database.WriteAsync(write => write.Command("CREATE TABLE scratch (x INTEGER NOT NULL)").ExecuteNonQuery(), Ct);
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        await _directory.DeleteAsync();
    }

    [Fact]
    public async Task QueuedWrites_CommitTogether_AndAThrowingOneIsUndoneAlone()
    {
        var (holding, release) = (new SemaphoreSlim(0), new SemaphoreSlim(0));
        var holder = Task.Run(() => _database.WriteAsync(write =>
        {
            holding.Release();
            release.Wait();
            return Insert(write, 1);
        }, Ct));
        await holding.WaitAsync(Ct);

        var first = _database.WriteAsync(write => Insert(write, 2), Ct);
        var failing = _database.WriteAsync<int>(write =>
        {
            Insert(write, 3);
            throw new InvalidOperationException("refused");
        }, Ct);
        var last = _database.WriteAsync(write => Insert(write, 4), Ct);
        release.Release();

        await Task.WhenAll(holder, first, last);
        Assert.Equal("refused", (await Assert.ThrowsAsync<InvalidOperationException>(() => failing)).Message);
        Assert.Equal([1L, 2L, 4L], await RowsAsync());
    }

    [Fact]
    public async Task AWriteCancelledWhileWaiting_NeverRuns()
    {
        var (holding, release) = (new SemaphoreSlim(0), new SemaphoreSlim(0));
        var holder = Task.Run(() => _database.WriteAsync(write =>
        {
            holding.Release();
            release.Wait();
            return Insert(write, 1);
        }, Ct));
        await holding.WaitAsync(Ct);
        using var cancel = new CancellationTokenSource();

        var cancelled = _database.WriteAsync(write => Insert(write, 2), cancel.Token);
        var kept = _database.WriteAsync(write => Insert(write, 3), Ct);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => cancelled);
        release.Release();

        await Task.WhenAll(holder, kept);
        Assert.Equal([1L, 3L], await RowsAsync());
    }

    private static int Insert(SqliteWrite write, long x) =>
        write.Command("INSERT INTO scratch (x) VALUES (@x)").Bind("@x", x).ExecuteNonQuery();

    private Task<List<long>> RowsAsync() =>
        _database.QueryAsync(read =>
        {
            using var reader = read.Command("SELECT x FROM scratch ORDER BY x").ExecuteReader();
            var rows = new List<long>();
            while (reader.Read())
            {
                rows.Add(reader.GetInt64(0));
            }

            return rows;
        }, Ct);
}
