using System.Reflection;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// Applies the numbered scripts embedded from <c>Migrations/NNNN_name.sql</c> in order, all pending ones in one transaction
/// with their rows in <c>schema_migrations</c>, under a transaction-level advisory lock: when two processes start at
/// once, the second waits, then finds everything applied. A failing script leaves the schema as it was.
/// </summary>
internal static class PostgresMigrations
{
    /// <summary>The advisory lock key of migrations (any fixed number other Harrier locks do not use).</summary>
    private const long LockKey = 0x4861727269657231; // "Harrier1"

    private const string ResourcePrefix = "Harrier.Persistence.Postgres.Migrations.";

    public static IReadOnlyList<(int Version, string Name, string Sql)> All { get; } = Load();

    public static Task<int> ApplyAsync(PostgresDatabase database, TimeProvider time, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            await session.Sql("SELECT pg_advisory_xact_lock(@key)").Bind("@key", LockKey).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            await session.Sql(
                "CREATE TABLE IF NOT EXISTS schema_migrations (version integer NOT NULL PRIMARY KEY, name text NOT NULL, applied_at text NOT NULL)")
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            var applied = (await session.Sql("SELECT version FROM schema_migrations").ReadAllAsync(r => r.GetInt32(0), cancellationToken).ConfigureAwait(false))
                .ToHashSet();
            var known = All.Count == 0 ? 0 : All[^1].Version;
            if (applied.Count > 0 && applied.Max() > known)
            {
                throw new PostgresConfigException(
                    $"The PostgreSQL database {database.Address} has schema version {applied.Max()}, newer than this Harrier knows ({known}). " +
                    "Upgrade Harrier or point it at another database.");
            }

            var count = 0;
            foreach (var (version, name, sql) in All)
            {
                if (applied.Contains(version))
                {
                    continue;
                }

                await session.Sql(sql).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                await session.Sql("INSERT INTO schema_migrations (version, name, applied_at) VALUES (@version, @name, @at)")
                    .Bind("@version", version).Bind("@name", name).Bind("@at", time.GetUtcNow()).ExecuteAsync(cancellationToken).ConfigureAwait(false);
                count++;
            }

            return count;
        }, cancellationToken);

    private static List<(int, string, string)> Load()
    {
        var assembly = typeof(PostgresMigrations).Assembly;
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
