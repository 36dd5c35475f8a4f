using Harrier.Core.Validation;

namespace Harrier.Core.Flows;

/// <summary>A loaded flow, or the diagnostics saying why it could not be loaded (never both partially).</summary>
public sealed record FlowLoadResult(FlowDefinition? Flow, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool IsValid => Flow is not null && Diagnostics.Count == 0;
}
