using Harrier.Core.Store;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>SQLite errors that come from the machine, not from Harrier, told as one sentence with the way out.</summary>
internal static class StoreFailures
{
    private const int Full = 13;
    private const int IoError = 10;

    public static bool IsEnvironmental(SqliteException exception) => (exception.SqliteErrorCode & 0xFF) is Full or IoError;

    public static StoreFailedException Describe(SqliteException exception, string path)
    {
        var directory = System.IO.Path.GetDirectoryName(path);
        var what = (exception.SqliteErrorCode & 0xFF) == Full
            ? $"the disk holding Harrier's data directory '{directory}' is full"
            : $"Harrier could not read or write its database '{path}' (an I/O error: {exception.Message})";
        return new StoreFailedException(
            $"{what}. What was stored before stays; free space (or fix the disk), then run " +
            $"'harrier executions recover --data-dir {directory}' to finish what was running.", exception);
    }
}
