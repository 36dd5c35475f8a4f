namespace Harrier.Server.Api.Flows;

/// <summary>
/// One document's result of <c>POST /flows/validate</c> (Kestra's ValidateConstraintViolation): <see cref="Constraints"/>
/// holds its problems, one <c>LINE:COL: path: message</c> per line, or is null when the flow is valid.
/// </summary>
public sealed record ApiFlowValidation(int Index, string? Flow, string? Namespace, string? Constraints)
{
    public bool Outdated { get; init; }

    public IReadOnlyList<string> DeprecationPaths { get; init; } = [];

    public IReadOnlyList<string> Warnings { get; init; } = [];

    public IReadOnlyList<string> Infos { get; init; } = [];
}
