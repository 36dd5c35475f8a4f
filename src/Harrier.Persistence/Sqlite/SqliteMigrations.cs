using System.Reflection;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>
/// Applies the numbered scripts embedded from <c>Sqlite/Migrations/NNNN_name.sql</c> in order, each in its own
/// IMMEDIATE transaction together with its row in <c>schema_migrations</c>, so a migration is applied
/// entirely or not at all, exactly once, even when two processes open the same file at the same time.
/// </summary>
internal static class SqliteMigrations
{
    private const string ResourcePrefix = "Harrier.Persistence.Sqlite.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    public static int Apply(SqliteConnection connection, TimeProvider time, CancellationToken cancellationToken)
    {
        using (var create = SqliteCommands.Create(connection, null,
            "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER NOT NULL PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)"))
        {
            create.ExecuteNonQuery();
        }

        var applied = 0;
        foreach (var (version, name, sql) in All)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using var transaction = connection.BeginTransaction(deferred: false);
            if (IsApplied(connection, transaction, version))
            {
                continue;
            }

            using (var migrate = SqliteCommands.Create(connection, transaction, sql))
            {
                migrate.ExecuteNonQuery();
            }

            using (var record = SqliteCommands.Create(connection, transaction,
                "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)"))
            {
                record.Bind("@version", version).Bind("@name", name).Bind("@at", SqliteDates.ToText(time.GetUtcNow())).ExecuteNonQuery();
            }

            transaction.Commit();
            applied++;
        }

        RefuseNewerSchema(connection);
        return applied;
    }

    private static bool IsApplied(SqliteConnection connection, SqliteTransaction transaction, int version)
    {
        using var command = SqliteCommands.Create(connection, transaction, "SELECT 1 FROM schema_migrations WHERE version = @version");
        return command.Bind("@version", version).ExecuteScalar() is not null;
    }

    private static void RefuseNewerSchema(SqliteConnection connection)
    {
        using var command = SqliteCommands.Create(connection, null, "SELECT COALESCE(MAX(version), 0) FROM schema_migrations");
        var newest = Convert.ToInt32(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture);
        var known = All.Count == 0 ? 0 : All[^1].Version;
        if (newest > known)
        {
            throw new DataDirectoryException(
                $"The database '{connection.DataSource}' has schema version {newest}, newer than this Harrier knows ({known}). " +
                "Upgrade Harrier or point it at another data directory.");
        }
    }

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(SqliteMigrations).Assembly;
        var scripts = new List<(int, string, string)>();
        foreach (var resource in assembly.GetManifestResourceNames())
        {
            if (!resource.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !resource.EndsWith(".sql", StringComparison.Ordinal))
            {
                continue;
            }

            var name = resource[ResourcePrefix.Length..^".sql".Length];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name[..underscore], out var version))
            {
                throw new InvalidOperationException($"Migration resource '{resource}' is not named NNNN_description.sql.");
            }

            scripts.Add((version, name, Read(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Item1.CompareTo(b.Item1));
        return scripts;
    }

    private static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
