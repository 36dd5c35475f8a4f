namespace Harrier.Persistence.Sqlite.Search;

/// <summary>How a searchable field is stored, which decides how its filters become SQL.</summary>
internal enum FilterColumnKind
{
    /// <summary>Plain text compared as text (ids, namespaces, states).</summary>
    Text,

    /// <summary>An ISO-8601 date stored as <see cref="SqliteDates"/> text: values are parsed, then compared as text.</summary>
    Date,

    /// <summary>A <c>[{"key","value"}]</c> labels document.</summary>
    Labels,
}
