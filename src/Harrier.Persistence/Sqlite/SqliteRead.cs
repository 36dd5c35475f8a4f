using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// One of the database's reader connections, lent for one <see cref="SqliteDatabase.QueryAsync{T}"/> call. Like
/// <see cref="SqliteWrite"/>, it keeps its commands prepared across calls: the engine's point reads run thousands of
/// times per second, and compiling their SQL anew each time was a fifth of a step's CPU.
/// </summary>
/// <remarks>Only valid inside the call that received it. Do not dispose the commands.</remarks>
public sealed class SqliteRead : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    private readonly bool _ownsConnection;

    internal SqliteRead(SqliteConnection connection, bool ownsConnection = true)
    {
        Connection = connection;
        _ownsConnection = ownsConnection;
    }

    public SqliteConnection Connection { get; }

    /// <summary>A prepared command for <paramref name="sql"/> with no parameters bound.</summary>
    public SqliteCommand Command(string sql)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = Connection.CreateCommand();
            command.CommandText = sql;
            _commands[sql] = command;
        }

        command.Parameters.Clear();
        return command;
    }

    /// <summary>Runs <paramref name="work"/> inside one read transaction, so every statement sees the same snapshot.</summary>
    public T Snapshot<T>(Func<T> work)
    {
        Command("BEGIN DEFERRED").ExecuteNonQuery();
        try
        {
            return work();
        }
        finally
        {
            Command("COMMIT").ExecuteNonQuery();
        }
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
        if (_ownsConnection)
        {
            Connection.Dispose();
        }
    }
}
