using Harrier.Core.Flows;
using Harrier.Core.Text;

namespace Harrier.Core.Inputs;

/// <summary>
/// Checks and types the values given for a flow's inputs (spec §11.2): defaults, required, per-type
/// validation, dotted ids nested into maps. Any error stops the execution before it is created; a value for an input the
/// flow does not declare is ignored with a warning (Kestra ignores it), so a caller sending extra fields still runs.
/// </summary>
public static class InputResolver
{
    /// <param name="given">Values by input id: texts from the command line, or typed values from JSON.</param>
    public static InputResolution Resolve(FlowDefinition flow, IReadOnlyDictionary<string, object?> given) => Resolve(flow.Inputs, given);

    /// <summary>The same checks for any list of input declarations (a Pause's <c>onResume</c>).</summary>
    public static InputResolution Resolve(IReadOnlyList<InputDefinition> declared, IReadOnlyDictionary<string, object?> given)
    {
        var errors = new List<string>();
        var warnings = new List<string>();
        var inputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var id in given.Keys.Where(k => declared.All(i => i.Id != k)))
        {
            var ids = declared.Select(i => i.Id).ToList();
            warnings.Add(ids.Count == 0
                ? $"input '{id}' is ignored: the flow declares no inputs"
                : $"input '{id}' is ignored: the flow has no such input{Suggestions.DidYouMean(id, ids)} (declared: {string.Join(", ", ids)})");
        }

        foreach (var input in declared)
        {
            var hasValue = given.TryGetValue(input.Id, out var value);
            if (!hasValue || value is null || value is string { Length: 0 } && input.Type != "STRING")
            {
                value = input.HasDefaults ? input.Defaults : null;
            }

            if (value is null)
            {
                if (input.Required)
                {
                    errors.Add($"input '{input.Id}' ({input.Type}) is required; give it with --input {input.Id}=VALUE");
                }

                Nest(inputs, input.Id, null);
                continue;
            }

            try
            {
                Nest(inputs, input.Id, InputConverter.Convert(input, value));
            }
            catch (InputException ex)
            {
                errors.Add($"input '{input.Id}' ({input.Type}): {ex.Message}");
            }
        }

        return new InputResolution(inputs, errors) { Warnings = warnings };
    }

    /// <summary><c>a.b.c</c> ⇒ <c>inputs.a.b.c</c>.</summary>
    private static void Nest(Dictionary<string, object?> inputs, string id, object? value)
    {
        var parts = id.Split('.');
        var level = inputs;
        for (var i = 0; i < parts.Length - 1; i++)
        {
            if (level.GetValueOrDefault(parts[i]) is not Dictionary<string, object?> next)
            {
                level[parts[i]] = next = new Dictionary<string, object?>(StringComparer.Ordinal);
            }

            level = next;
        }

        level[parts[^1]] = value;
    }
}
