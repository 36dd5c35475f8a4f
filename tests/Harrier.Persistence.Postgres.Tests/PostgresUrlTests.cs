using Npgsql;
using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The database address as users write it (URL or connection string), and as messages show it (no password).</summary>
public sealed class PostgresUrlTests
{
    [Theory]
    [InlineData("postgresql://harrier:s%40cret@db.example.com:5433/prod?sslmode=require&application_name=x", "db.example.com", 5433, "prod", "harrier", "s@cret")]
    [InlineData("postgres://h@127.0.0.1/harrier", "127.0.0.1", 5432, "harrier", "h", null)]
    [InlineData("jdbc:postgresql://10.0.0.5:5432/kestra", "10.0.0.5", 5432, "kestra", null, null)]
    [InlineData("Host=/tmp/pg;Port=5444;Database=d;Username=u;Password=p", "/tmp/pg", 5444, "d", "u", "p")]
    public void Urls_AndConnectionStrings_BecomeTheSameConnection(string url, string host, int port, string database, string? user, string? password)
    {
        var builder = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString(url));
        Assert.Equal((host, port, database, user, password), (builder.Host, builder.Port, builder.Database, builder.Username, builder.Password));
    }

    [Theory]
    [InlineData("postgresql://harrier:hunter2@db:5432/prod", "postgresql://harrier:***@db:5432/prod")]
    [InlineData("postgresql://db/prod?user=u&password=hunter2", "postgresql://db/prod?user=u&password=***")]
    [InlineData("postgresql://harrier@db/prod", "postgresql://harrier@db/prod")]
    [InlineData("Host=db;Username=u;Password=hunter2", "Host=db;Username=u;Password=***")]
    public void Redact_HidesThePassword_AndKeepsTheRest(string url, string shown) => Assert.Equal(shown, PostgresUrl.Redact(url));

    [Theory]
    [InlineData("", "The PostgreSQL url is empty")]
    [InlineData("postgresql://u:hunter2@:5432/db", "is not a valid URL")]
    [InlineData("postgresql://u:hunter2@db/prod?sslmode=sometimes", "has a parameter 'sslmode' that cannot be used")]
    [InlineData("Host=db;Bogus Key=1;Password=hunter2", "is neither a postgresql:// URL nor a connection string")]
    public void UnreadableAddresses_AreRefused_WithoutThePassword(string url, string message)
    {
        var error = Assert.Throws<PostgresConfigException>(() => PostgresUrl.ToConnectionString(url));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }
}
