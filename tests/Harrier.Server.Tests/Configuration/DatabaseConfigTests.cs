using Harrier.Server.Configuration;
using Harrier.Server.Hosting;

namespace Harrier.Server.Tests.Configuration;

/// <summary><c>database.type</c> and <c>database.url</c>: SQLite by default, PostgreSQL by configuration, bad values told where and how to fix them.</summary>
public sealed class DatabaseConfigTests
{
    [Fact]
    public void TheDefault_IsSqlite_InTheDataDirectory()
    {
        var options = new ServerOptions();
        options.Validate();
        Assert.Equal(("sqlite", null), (options.DatabaseType, options.DatabaseUrl));
    }

    [Fact]
    public void AnUnknownType_AndAnUnreadableUrl_AreReported_AtTheirLineAndColumn_WithoutThePassword()
    {
        var error = Assert.Throws<ServerConfigException>(() => ServerConfigReader.ReadYaml(new ServerOptions(),
            "database:\n  type: mysql\n  url: postgresql://harrier:hunter2@/db\n", "harrier.yml"));

        var lines = error.Message.Split(Environment.NewLine);
        Assert.Equal("harrier.yml:2:9: database.type: 'mysql' is not a database type; use sqlite or postgres", lines[0]);
        Assert.StartsWith("harrier.yml:3:8: database.url: The PostgreSQL url 'postgresql://harrier:***@/db' is not a valid URL. Write it like postgresql://", lines[1], StringComparison.Ordinal);
        Assert.DoesNotContain("hunter2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Postgres_WithoutAUrl_AndAUrl_WithoutPostgres_AreRefused_NamingTheKeys()
    {
        var missing = Assert.Throws<ServerConfigException>(() => (new ServerOptions() with { DatabaseType = "postgres" }).Validate());
        Assert.Contains("database.url is required when database.type is postgres", missing.Message, StringComparison.Ordinal);

        var stray = Assert.Throws<ServerConfigException>(() => (new ServerOptions() with { DatabaseUrl = "postgresql://h/db" }).Validate());
        Assert.Contains("database.url is only read when database.type is postgres", stray.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheEnvironment_SetsTheDatabase_AndABadTypeNamesItsVariable()
    {
        var options = ServerConfigReader.ReadEnvironment(new ServerOptions(), new Dictionary<string, string>
        {
            ["HARRIER_DATABASE_TYPE"] = "postgresql",
            ["HARRIER_DATABASE_URL"] = "Host=127.0.0.1;Port=5433;Database=harrier;Username=h;Password=p",
        });
        options.Validate();
        Assert.Equal(("postgres", "Host=127.0.0.1;Port=5433;Database=harrier;Username=h;Password=p"), (options.DatabaseType, options.DatabaseUrl));

        var error = Assert.Throws<ServerConfigException>(() => ServerConfigReader.ReadEnvironment(new ServerOptions(), new Dictionary<string, string> { ["HARRIER_DATABASE_TYPE"] = "oracle" }));
        Assert.Equal("HARRIER_DATABASE_TYPE: 'oracle' is not a database type; use sqlite or postgres", error.Message);
    }

    [Fact]
    public void TheStartLine_ShowsThePostgresAddress_WithThePasswordMasked()
    {
        var settings = new DatabaseSettings("postgres", "postgresql://harrier:hunter2@db.example.com:5432/harrier?sslmode=require");
        Assert.Equal("PostgreSQL postgresql://harrier:***@db.example.com:5432/harrier?sslmode=require", settings.Describe(".harrier"));
        Assert.Equal("PostgreSQL Host=db;Password=***", new DatabaseSettings("postgres", "Host=db;Password=hunter2").Describe(".harrier"));
    }
}
