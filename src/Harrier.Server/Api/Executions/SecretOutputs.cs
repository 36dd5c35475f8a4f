using Harrier.Core.Inputs;
using Harrier.Core.Logs;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Masks an execution's SECRET input values wherever a task copied them into outputs (its own or the flow's): log lines
/// are masked as they are stored, outputs are data and are masked here, on the way out. The values are found as the
/// execution stores them (sealed), so no flow needs loading; an execution without SECRET inputs costs nothing.
/// </summary>
public static class SecretOutputs
{
    public static ApiExecution Mask(ApiExecution execution, IReadOnlyDictionary<string, object?> storedInputs, SecretInputCipher cipher)
    {
        var masker = new SecretMasker();
        foreach (var sealedValue in Sealed(storedInputs))
        {
            masker.Add(cipher.TryOpen(sealedValue));
        }

        if (masker.IsEmpty)
        {
            return execution;
        }

        return execution with
        {
            Outputs = Apply(execution.Outputs, masker),
            TaskRunList = execution.TaskRunList?.Select(run => run with { Outputs = Apply(run.Outputs, masker) }).ToList(),
        };
    }

    private static IEnumerable<string> Sealed(object? value) => value switch
    {
        string text when SecretInputCipher.IsSealed(text) => [text],
        IReadOnlyDictionary<string, object?> map => map.Values.SelectMany(Sealed),
        IReadOnlyList<object?> list => list.SelectMany(Sealed),
        _ => [],
    };

    private static IReadOnlyDictionary<string, object?>? Apply(IReadOnlyDictionary<string, object?>? outputs, SecretMasker masker) =>
        outputs is null ? null : (IReadOnlyDictionary<string, object?>)Apply((object)outputs, masker)!;

    private static object? Apply(object? value, SecretMasker masker) => value switch
    {
        string text => masker.Apply(text),
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(p => p.Key, p => Apply(p.Value, masker), StringComparer.Ordinal),
        IReadOnlyList<object?> list => list.Select(item => Apply(item, masker)).ToList(),
        _ => value,
    };
}
