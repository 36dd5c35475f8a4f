using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// One borrowed connection for the length of a <see cref="PostgresDatabase"/> call, inside its transaction when it has
/// one. Statements are parameterised (<see cref="PgStatement.Bind(string, string?)"/>); Npgsql prepares the frequent
/// ones itself (<c>Max Auto Prepare</c>).
/// </summary>
/// <remarks>Only valid inside the call that received it.</remarks>
internal sealed class PgSession(NpgsqlConnection connection, NpgsqlTransaction? transaction)
{
    private HashSet<(string Channel, string Payload)>? _notifications;

    public NpgsqlConnection Connection { get; } = connection;

    public PgStatement Sql(string sql) => new(new NpgsqlCommand(sql, Connection, transaction));

    /// <summary>
    /// A notification to send when the transaction commits (PostgreSQL delivers NOTIFY only then, and never when it rolls
    /// back); the same one asked twice is sent once.
    /// </summary>
    public void Notify(string channel, string payload = "") => (_notifications ??= []).Add((channel, payload));

    /// <summary>Sends every notification asked for, in one statement (one round trip however many).</summary>
    internal async Task SendNotificationsAsync(CancellationToken cancellationToken)
    {
        if (_notifications is null)
        {
            return;
        }

        var channels = _notifications.Select(n => n.Channel).ToArray();
        var payloads = _notifications.Select(n => n.Payload).ToArray();
        await Sql("SELECT pg_notify(c, p) FROM unnest(@channels, @payloads) AS n(c, p)")
            .Bind("@channels", channels).Bind("@payloads", payloads).ExecuteAsync(cancellationToken).ConfigureAwait(false);
    }
}
