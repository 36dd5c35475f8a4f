using Xunit;

namespace Harrier.Persistence.Postgres.Tests;

/// <summary>Every test class of this project shares one cluster (started once per run); databases keep tests apart.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresCluster>
{
    public const string Name = "postgres";
}
