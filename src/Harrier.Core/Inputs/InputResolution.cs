namespace Harrier.Core.Inputs;

/// <summary>Typed inputs, or one message per input that was missing or invalid.</summary>
public sealed record InputResolution(IReadOnlyDictionary<string, object?> Inputs, IReadOnlyList<string> Errors)
{
    public bool IsValid => Errors.Count == 0;

    /// <summary>Values given for inputs the flow does not declare: ignored, as Kestra ignores them, and said so.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];
}
