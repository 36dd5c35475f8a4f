namespace Harrier.Core.Store.Search;

/// <summary>A filter or sort names a field, an operation or a value a search cannot use; the message says which.</summary>
public sealed class SearchFieldException(string message) : ArgumentException(message);
