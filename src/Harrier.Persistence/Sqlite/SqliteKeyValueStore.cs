using Harrier.Core.Json;
using Harrier.Core.Store.KeyValues;
using Microsoft.Data.Sqlite;

namespace Harrier.Persistence.Sqlite;

/// <summary>Namespaces' key-value pairs in SQLite (table kv_entries, contract: <see cref="IKeyValueStore"/>).</summary>
public sealed class SqliteKeyValueStore(SqliteDatabase database, TimeProvider time) : IKeyValueStore
{
    private const string Columns = "namespace, key, type, value_json, description, created_at, updated_at, expires_at";

    private const string Upsert =
        "INSERT INTO kv_entries (" + Columns + ") VALUES (@ns, @key, @type, @value_json, @description, @now, @now, @expires_at) " +
        "ON CONFLICT (namespace, key) DO UPDATE SET type = excluded.type, value_json = excluded.value_json, " +
        "description = excluded.description, updated_at = excluded.updated_at, expires_at = excluded.expires_at";

    private const string SelectOne = "SELECT " + Columns + " FROM kv_entries WHERE namespace = @ns AND key = @key";

    public Task<KeyValueEntry> PutAsync(KeyValuePut put, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var expires = put.Ttl is { } ttl ? now + ttl : (DateTimeOffset?)null;
        return database.WriteAsync(write =>
        {
            write.Command(Upsert)
                .Bind("@ns", put.Namespace)
                .Bind("@key", put.Key)
                .Bind("@type", put.Type)
                .Bind("@value_json", PlainJson.Serialize(put.Value))
                .Bind("@description", put.Description)
                .Bind("@now", SqliteDates.ToText(now))
                .Bind("@expires_at", SqliteDates.ToParameter(expires))
                .ExecuteNonQuery();
            using var reader = write.Command(SelectOne).Bind("@ns", put.Namespace).Bind("@key", put.Key).ExecuteReader();
            reader.Read();
            return Read(reader);
        }, cancellationToken);
    }

    public Task<KeyValueEntry?> GetAsync(string ns, string key, CancellationToken cancellationToken) =>
        database.QueryAsync(read =>
        {
            using var reader = read.Command(SelectOne).Bind("@ns", ns).Bind("@key", key).ExecuteReader();
            return reader.Read() ? Read(reader) : null;
        }, cancellationToken);

    public Task<bool> DeleteAsync(string ns, string key, CancellationToken cancellationToken) =>
        database.WriteAsync(write => write.Command("DELETE FROM kv_entries WHERE namespace = @ns AND key = @key").Bind("@ns", ns).Bind("@key", key).ExecuteNonQuery() == 1, cancellationToken);

    public Task<IReadOnlyList<KeyValueEntry>> ListAsync(string ns, CancellationToken cancellationToken) =>
        database.QueryAsync<IReadOnlyList<KeyValueEntry>>(read =>
        {
            using var reader = read.Command("SELECT " + Columns + " FROM kv_entries WHERE namespace = @ns AND (expires_at IS NULL OR expires_at > @now) ORDER BY key")
                .Bind("@ns", ns).Bind("@now", SqliteDates.ToText(time.GetUtcNow())).ExecuteReader();
            var entries = new List<KeyValueEntry>();
            while (reader.Read())
            {
                entries.Add(Read(reader));
            }

            return entries;
        }, cancellationToken);

    private static KeyValueEntry Read(SqliteDataReader reader) => new()
    {
        Namespace = reader.GetString(0),
        Key = reader.GetString(1),
        Type = reader.GetString(2),
        Value = PlainJson.Parse(reader.GetString(3)),
        Description = reader.GetStringOrNull(4),
        Created = SqliteDates.Parse(reader.GetString(5)),
        Updated = SqliteDates.Parse(reader.GetString(6)),
        Expires = SqliteDates.ParseOrNull(reader.GetStringOrNull(7)),
    };
}
