using System.Globalization;
using Harrier.Core.Validation;
using Harrier.Server.Api.Errors;

namespace Harrier.Server.Api.Flows;

/// <summary>
/// Validation problems of a flow sent to the API, worded as <c>harrier flow validate</c> prints them without the file
/// name: <c>LINE:COL: path: message</c> (the CLI prints <c>FILE:LINE:COL: path: message</c> for the same problem).
/// </summary>
public static class FlowDiagnostics
{
    public static string Format(Diagnostic diagnostic)
    {
        var where = diagnostic.Position.IsKnown
            ? string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Position.Line}:{diagnostic.Position.Column}: ")
            : "";
        return string.IsNullOrEmpty(diagnostic.Path) ? where + diagnostic.Message : $"{where}{diagnostic.Path}: {diagnostic.Message}";
    }

    /// <summary>One error item per diagnostic; <paramref name="prefix"/> names the document of a multi-flow body (<c>flows[2]</c>).</summary>
    public static IReadOnlyList<ApiErrorItem> Items(IEnumerable<Diagnostic> diagnostics, string? prefix = null) =>
        [.. diagnostics.Select(d => new ApiErrorItem(
            prefix is null ? Format(d) : $"{prefix}: {Format(d)}",
            prefix is null ? d.Path : string.IsNullOrEmpty(d.Path) ? prefix : $"{prefix}.{d.Path}")
        {
            Line = d.Position.IsKnown ? d.Position.Line : null,
            Column = d.Position.IsKnown ? d.Position.Column : null,
        })];
}
