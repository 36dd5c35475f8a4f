using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>The test run's PostgreSQL cluster (<see cref="LocalPostgresCluster"/>) as an xUnit fixture, shared by <see cref="PostgresCollection"/>.</summary>
public sealed class PostgresCluster : LocalPostgresCluster, IAsyncLifetime
{
    Task IAsyncLifetime.InitializeAsync() => StartAsync();

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
