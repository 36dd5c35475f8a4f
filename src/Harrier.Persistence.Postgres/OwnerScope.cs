namespace Harrier.Persistence.Postgres;

/// <summary>
/// The owner condition of a claim, in the form an index serves: <c>owner IS NULL</c> for the server pool, else
/// <c>owner = @scope</c> (PostgreSQL's <c>IS NOT DISTINCT FROM</c> would match the same rows but reads no index).
/// </summary>
internal static class OwnerScope
{
    /// <summary>Returns <paramref name="pool"/> when the scope is the pool (null), else <paramref name="owned"/>: both fixed SQL texts.</summary>
    public static string Pick(string? owner, string pool, string owned) => owner is null ? pool : owned;

    public static string Condition(bool pool) => pool ? "owner IS NULL" : "owner = @scope";
}
