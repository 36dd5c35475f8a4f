using System.Text.RegularExpressions;

namespace Harrier.Core.Storage;

/// <summary>
/// What a namespace may be called wherever one is given (a flow, an <c>nsfile://</c> URI, <c>namespaceFiles.namespaces</c>,
/// <c>harrier nsfiles</c>): dot-separated parts of letters, digits, '-' and '_'. A namespace's dots become folders in
/// internal storage, next to the flows' <c>&lt;flow&gt;/executions/&lt;id&gt;</c> folders, so a namespace whose third or later
/// part is <c>executions</c> (<c>a.b.executions.&lt;id&gt;</c>) would name a folder inside another execution's files: refused.
/// </summary>
public static partial class NamespaceNames
{
    public const int MaxLength = 150;

    public const string Allowed = "letters, digits, '-' and '_' in dot-separated parts, e.g. company.team";

    /// <summary>Why <paramref name="ns"/> cannot be a namespace, or null when it can.</summary>
    public static string? Problem(string? ns)
    {
        if (string.IsNullOrEmpty(ns) || !Pattern().IsMatch(ns) || ns.Length > MaxLength)
        {
            return $"'{Validation.Diagnostics.Shorten(ns ?? string.Empty)}' is not a valid namespace: use {Allowed} (at most {MaxLength} characters)";
        }

        var parts = ns.Split('.');
        for (var i = 2; i < parts.Length; i++)
        {
            if (parts[i] == "executions")
            {
                return $"'{ns}' is not a valid namespace: its files would lie among the executions of flow '{parts[i - 1]}' "
                    + $"of namespace '{string.Join('.', parts[..(i - 1)])}' ('executions' cannot be a namespace's third or later part)";
            }
        }

        return null;
    }

    /// <summary>Returns <paramref name="ns"/>, or throws a <see cref="StoragePathException"/> saying why it is refused.</summary>
    public static string Require(string? ns) => Problem(ns) is { } problem ? throw new StoragePathException(problem) : ns!;

    [GeneratedRegex("^[a-zA-Z0-9][a-zA-Z0-9_-]*(\\.[a-zA-Z0-9][a-zA-Z0-9_-]*)*$")]
    private static partial Regex Pattern();
}
