using Npgsql;
using NpgsqlTypes;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// A statement being bound and run: every value goes in as a typed parameter, never into the SQL text. Each Execute/Read
/// method runs it once and disposes it.
/// </summary>
internal sealed class PgStatement(NpgsqlCommand command)
{
    public NpgsqlCommand Command { get; } = command;

    public PgStatement Bind(string name, string? value) => Add(name, NpgsqlDbType.Text, value);

    public PgStatement Bind(string name, long value) => Add(name, NpgsqlDbType.Bigint, value);

    public PgStatement Bind(string name, long? value) => Add(name, NpgsqlDbType.Bigint, value);

    public PgStatement Bind(string name, int value) => Add(name, NpgsqlDbType.Integer, value);

    public PgStatement Bind(string name, int? value) => Add(name, NpgsqlDbType.Integer, value);

    public PgStatement Bind(string name, bool value) => Add(name, NpgsqlDbType.Boolean, value);

    public PgStatement Bind(string name, bool? value) => Add(name, NpgsqlDbType.Boolean, value);

    public PgStatement Bind(string name, double value) => Add(name, NpgsqlDbType.Double, value);

    public PgStatement Bind(string name, byte[] value) => Add(name, NpgsqlDbType.Bytea, value);

    /// <summary>A date as the stored text (see <see cref="StoredDates"/>).</summary>
    public PgStatement Bind(string name, DateTimeOffset value) => Add(name, NpgsqlDbType.Text, StoredDates.ToText(value));

    public PgStatement Bind(string name, DateTimeOffset? value) => Add(name, NpgsqlDbType.Text, value is { } date ? StoredDates.ToText(date) : null);

    /// <summary>Several texts as one <c>text[]</c> parameter (for <c>= ANY(@name)</c>).</summary>
    public PgStatement Bind(string name, string[] values) => Add(name, NpgsqlDbType.Array | NpgsqlDbType.Text, values);

    public async Task<int> ExecuteAsync(CancellationToken cancellationToken)
    {
        await using (Command.ConfigureAwait(false))
        {
            return await Command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>The first column of the first row, or null when there is no row or it is NULL.</summary>
    public async Task<object?> ScalarAsync(CancellationToken cancellationToken)
    {
        await using (Command.ConfigureAwait(false))
        {
            var value = await Command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false);
            return value is DBNull ? null : value;
        }
    }

    public async Task<T?> ReadOneAsync<T>(Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
        where T : class
    {
        await using (Command.ConfigureAwait(false))
        {
            await using var reader = await Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            return await reader.ReadAsync(cancellationToken).ConfigureAwait(false) ? map(reader) : null;
        }
    }

    public async Task<List<T>> ReadAllAsync<T>(Func<NpgsqlDataReader, T> map, CancellationToken cancellationToken)
    {
        await using (Command.ConfigureAwait(false))
        {
            await using var reader = await Command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var rows = new List<T>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                rows.Add(map(reader));
            }

            return rows;
        }
    }

    private PgStatement Add(string name, NpgsqlDbType type, object? value)
    {
        Command.Parameters.Add(new NpgsqlParameter(name, type) { Value = value ?? DBNull.Value });
        return this;
    }
}
