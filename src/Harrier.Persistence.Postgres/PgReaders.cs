using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>Reading nullable columns in one short call.</summary>
internal static class PgReaders
{
    public static string? GetStringOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    public static int? GetInt32OrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetInt32(ordinal);

    public static DateTimeOffset GetDate(this NpgsqlDataReader reader, int ordinal) => StoredDates.Parse(reader.GetString(ordinal));

    public static DateTimeOffset? GetDateOrNull(this NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : StoredDates.Parse(reader.GetString(ordinal));
}
