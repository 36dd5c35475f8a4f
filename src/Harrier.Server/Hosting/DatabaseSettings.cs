using Harrier.Persistence.Postgres;

namespace Harrier.Server.Hosting;

/// <summary>
/// Which database a process keeps its state in (<c>database.type</c>, <c>database.url</c>): the embedded SQLite file of
/// the data directory (the default), or a PostgreSQL database that any number of Harrier processes may share.
/// </summary>
public sealed record DatabaseSettings(string Type, string? Url = null)
{
    public const string SqliteType = "sqlite";

    public const string PostgresType = "postgres";

    public static DatabaseSettings Sqlite { get; } = new(SqliteType);

    public bool IsPostgres => Type == PostgresType;

    /// <summary>What a start-up line or a log says about the database: never the password.</summary>
    public string Describe(string dataDirectory) => IsPostgres
        ? $"PostgreSQL {PostgresUrl.Redact(Url ?? "")}"
        : $"SQLite in {Path.GetFullPath(dataDirectory)}";

    /// <summary>The problems of these settings, as sentences naming the keys (empty when none).</summary>
    public IEnumerable<string> Problems()
    {
        if (Type is not (SqliteType or PostgresType))
        {
            yield return $"database.type must be sqlite or postgres, not '{Type}'";
        }
        else if (IsPostgres && string.IsNullOrWhiteSpace(Url))
        {
            yield return "database.url is required when database.type is postgres (for example postgresql://harrier:secret@127.0.0.1:5432/harrier)";
        }
        else if (!IsPostgres && Url is not null)
        {
            yield return "database.url is only read when database.type is postgres; set database.type: postgres, or remove the url (SQLite lives in dataDir)";
        }
    }
}
