namespace Harrier.Persistence.Postgres;

/// <summary>The database settings cannot be used as given; the message says what is wrong and how to write it (never the password).</summary>
public sealed class PostgresConfigException(string message, Exception? inner = null) : ArgumentException(message, inner);
