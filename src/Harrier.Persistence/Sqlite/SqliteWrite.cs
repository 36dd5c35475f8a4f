using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// The writer connection inside one write transaction (opened and closed with plain BEGIN IMMEDIATE / COMMIT statements). <see cref="Command"/> hands out commands that stay
/// prepared across calls (Microsoft.Data.Sqlite keeps a command's compiled statement until its text changes),
/// so the hot writes skip SQL compilation: it halves the cost of a claim or a task run save.
/// </summary>
/// <remarks>Only valid inside the <see cref="SqliteDatabase.WriteAsync{T}"/> call that received it. Do not dispose the commands.</remarks>
public sealed class SqliteWrite
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    internal SqliteWrite(SqliteConnection connection) => Connection = connection;

    public SqliteConnection Connection { get; }

    /// <summary>A command for <paramref name="sql"/> with no parameters, enlisted in the current transaction.</summary>
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

    internal void Begin() => Command("BEGIN IMMEDIATE").ExecuteNonQuery();

    internal void Commit() => Command("COMMIT").ExecuteNonQuery();

    /// <summary>True while a transaction is open (SQLite ends one by itself after some failures).</summary>
    internal bool InTransaction => !Connection.Handle!.IsInvalid && SQLitePCL.raw.sqlite3_get_autocommit(Connection.Handle) == 0;

    // One caller's write inside a shared transaction (see SqliteDatabase.WriteAsync): its own all-or-nothing unit.
    internal void BeginOne() => Command("SAVEPOINT one_write").ExecuteNonQuery();

    internal void EndOne() => Command("RELEASE one_write").ExecuteNonQuery();

    internal void UndoOne()
    {
        Command("ROLLBACK TO one_write").ExecuteNonQuery();
        Command("RELEASE one_write").ExecuteNonQuery();
    }

    /// <summary>Undoes the open transaction, if any (a failed COMMIT may already have ended it).</summary>
    internal void Rollback()
    {
        if (InTransaction)
        {
            Command("ROLLBACK").ExecuteNonQuery();
        }
    }

    internal void DisposeCommands()
    {
        foreach (var command in _commands.Values)
        {
            command.Dispose();
        }

        _commands.Clear();
    }
}
