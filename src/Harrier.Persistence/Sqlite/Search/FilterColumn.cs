namespace Harrier.Persistence.Sqlite.Search;

/// <summary>
/// A searchable field: the SQL expressions it reads (several for <c>q</c>, which matches any of them) and their kind.
/// Expressions are fixed text written by this assembly, never user input.
/// </summary>
internal sealed record FilterColumn(FilterColumnKind Kind, params string[] Expressions);
