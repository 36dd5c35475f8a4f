using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Logs;

namespace Harrier.Core.Engine.Workers;

/// <summary>A masker seeded with the values of the execution's SECRET inputs (dotted ids are nested in <c>inputs</c>).</summary>
internal static class SecretInputs
{
    public static SecretMasker Masker(FlowDefinition flow, Execution execution)
    {
        var masker = new SecretMasker();
        foreach (var input in flow.Inputs)
        {
            if (input.Type == "SECRET" && Lookup(execution.Inputs, input.Id) is string value)
            {
                masker.Add(value);
            }
        }

        return masker;
    }

    private static object? Lookup(IReadOnlyDictionary<string, object?> inputs, string id)
    {
        object? current = inputs;
        foreach (var part in id.Split('.'))
        {
            current = current is IReadOnlyDictionary<string, object?> map && map.TryGetValue(part, out var next) ? next : null;
        }

        return current;
    }
}
