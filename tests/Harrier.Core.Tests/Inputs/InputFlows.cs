using Harrier.Core.Flows;
using Harrier.Core.Tests.Engine;

namespace Harrier.Core.Tests.Inputs;

/// <summary>Flows declaring inputs, for the resolver tests.</summary>
internal static class InputFlows
{
    /// <summary>A flow with the given input declarations, written as YAML flow mappings.</summary>
    public static FlowDefinition With(params string[] inputs) =>
        TestFlows.Load($"inputs:\n{string.Concat(inputs.Select(i => $"  - {i}\n"))}tasks:\n  - {{id: a, type: Return}}");
}
