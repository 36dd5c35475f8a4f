using Harrier.Core.Json;
using Harrier.Core.Store.KeyValues;
using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>Namespaces' key-value pairs in PostgreSQL (table kv_entries, contract: <see cref="IKeyValueStore"/>).</summary>
public sealed class PostgresKeyValueStore(PostgresDatabase database, TimeProvider time) : IKeyValueStore
{
    private const string Columns = "namespace, key, type, value_json, description, created_at, updated_at, expires_at";

    private const string Upsert =
        "INSERT INTO kv_entries (" + Columns + ") VALUES (@ns, @key, @type, @value_json, @description, @now, @now, @expires_at) " +
        "ON CONFLICT (namespace, key) DO UPDATE SET type = excluded.type, value_json = excluded.value_json, " +
        "description = excluded.description, updated_at = excluded.updated_at, expires_at = excluded.expires_at RETURNING " + Columns;

    private const string SelectOne = "SELECT " + Columns + " FROM kv_entries WHERE namespace = @ns AND key = @key";

    public Task<KeyValueEntry> PutAsync(KeyValuePut put, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = put.Ttl is { } ttl ? now + ttl : (DateTimeOffset?)null;
        return database.WriteAsync(async session => (await session.Sql(Upsert)
            .Bind("@ns", put.Namespace)
            .Bind("@key", put.Key)
            .Bind("@type", put.Type)
            .Bind("@value_json", PlainJson.Serialize(put.Value))
            .Bind("@description", put.Description)
            .Bind("@now", now)
            .Bind("@expires_at", expires)
            .ReadOneAsync(Read, cancellationToken).ConfigureAwait(false))!, cancellationToken);
    }

    public Task<KeyValueEntry?> GetAsync(string ns, string key, CancellationToken cancellationToken) =>
        database.ReadAsync(session => session.Sql(SelectOne).Bind("@ns", ns).Bind("@key", key).ReadOneAsync(Read, cancellationToken), cancellationToken);

    public Task<bool> DeleteAsync(string ns, string key, CancellationToken cancellationToken) =>
        database.WriteAsync(async session => await session.Sql("DELETE FROM kv_entries WHERE namespace = @ns AND key = @key").Bind("@ns", ns).Bind("@key", key)
            .ExecuteAsync(cancellationToken).ConfigureAwait(false) == 1, cancellationToken);

    public Task<IReadOnlyList<KeyValueEntry>> ListAsync(string ns, CancellationToken cancellationToken) =>
        database.ReadAsync<IReadOnlyList<KeyValueEntry>>(async session => await session
            .Sql("SELECT " + Columns + " FROM kv_entries WHERE namespace = @ns AND (expires_at IS NULL OR expires_at > @now) ORDER BY key")
            .Bind("@ns", ns).Bind("@now", time.GetUtcNow()).ReadAllAsync(Read, cancellationToken).ConfigureAwait(false), cancellationToken);

    private static KeyValueEntry Read(NpgsqlDataReader reader) => new()
    {
        Namespace = reader.GetString(0),
        Key = reader.GetString(1),
        Type = reader.GetString(2),
        Value = PlainJson.Parse(reader.GetString(3)),
        Description = reader.GetStringOrNull(4),
        Created = reader.GetDate(5),
        Updated = reader.GetDate(6),
        Expires = reader.GetDateOrNull(7),
    };
}
