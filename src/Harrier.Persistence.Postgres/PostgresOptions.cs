namespace Harrier.Persistence.Postgres;

/// <summary>Settings of the PostgreSQL store. Validated by <see cref="Validate"/> when the store opens.</summary>
public sealed record PostgresOptions
{
    /// <summary>
    /// Where the database is: a URL (<c>postgresql://user:password@host:5432/database?sslmode=disable</c>, also
    /// <c>postgres://</c>) or an Npgsql connection string (<c>Host=…;Database=…</c>). Required.
    /// </summary>
    public required string Url { get; init; }

    /// <summary>Connections the pool may open at most (the LISTEN connection is one more, outside it). Default 20.</summary>
    public int MaxPoolSize { get; init; } = 20;

    /// <summary>Throws <see cref="PostgresConfigException"/> with a sentence a user can act on.</summary>
    public void Validate()
    {
        _ = ConnectionString();
        if (MaxPoolSize is < 1 or > 1000)
        {
            throw new PostgresConfigException($"The PostgreSQL pool size {MaxPoolSize} is outside 1 to 1000.");
        }
    }

    /// <summary>The Npgsql connection string for <see cref="Url"/>; throws <see cref="PostgresConfigException"/> when it cannot be read.</summary>
    public string ConnectionString() => PostgresUrl.ToConnectionString(Url);

    /// <summary>The database's address without its password, for messages and logs.</summary>
    public string Redacted() => PostgresUrl.Redact(Url);
}
