using Harrier.Core.Expressions;
using Harrier.Core.Flows;
using Harrier.Core.Inputs;
using Harrier.Core.Logs;

namespace Harrier.Core.Engine;

/// <summary>
/// The SECRET inputs of an execution (dotted ids are nested in <c>inputs</c>): sealed before it is stored, opened
/// for expressions, and fed to the log masker. Only the dictionaries on a secret's path are copied.
/// </summary>
public static class SecretInputs
{
    /// <summary>The inputs with every SECRET value sealed; the same instance when the flow has no SECRET input.</summary>
    public static IReadOnlyDictionary<string, object?> Seal(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, SecretInputCipher cipher) =>
        Transform(flow, inputs, value => SecretInputCipher.IsSealed(value) ? value : cipher.Seal(value));

    /// <summary>The inputs with every SECRET value opened; a value that cannot be opened fails with the input's name.</summary>
    public static IReadOnlyDictionary<string, object?> Open(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, SecretInputCipher cipher) =>
        Transform(flow, inputs, value => !SecretInputCipher.IsSealed(value) ? value : cipher.TryOpen(value) ?? throw new SecretInputException(
            "A SECRET input of this execution cannot be decrypted: it was sealed with another key (was the data directory's " +
            "secret-inputs.key replaced?). Run the flow again to give the input anew."));

    /// <summary>A masker seeded with the plain values of the SECRET inputs (values that cannot be opened are skipped).</summary>
    public static SecretMasker Masker(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, SecretInputCipher cipher)
    {
        var masker = new SecretMasker();
        masker.AddRange(EnvironmentSecrets.Values());
        foreach (var input in flow.Inputs)
        {
            if (input.Type == "SECRET" && Lookup(inputs, input.Id) is string value)
            {
                masker.Add(SecretInputCipher.IsSealed(value) ? cipher.TryOpen(value) ?? value : value);
            }
        }

        return masker;
    }

    private static IReadOnlyDictionary<string, object?> Transform(FlowDefinition flow, IReadOnlyDictionary<string, object?> inputs, Func<string, string> transform)
    {
        var result = inputs;
        foreach (var input in flow.Inputs)
        {
            if (input.Type == "SECRET")
            {
                result = Replace(result, input.Id.Split('.'), 0, transform);
            }
        }

        return result;
    }

    private static IReadOnlyDictionary<string, object?> Replace(IReadOnlyDictionary<string, object?> level, string[] path, int index, Func<string, string> transform)
    {
        if (!level.TryGetValue(path[index], out var current))
        {
            return level;
        }

        object? replaced;
        if (index == path.Length - 1)
        {
            replaced = current is string text ? transform(text) : current;
        }
        else
        {
            replaced = current is IReadOnlyDictionary<string, object?> next ? Replace(next, path, index + 1, transform) : current;
        }

        if (ReferenceEquals(replaced, current))
        {
            return level;
        }

        return new Dictionary<string, object?>(level, StringComparer.Ordinal) { [path[index]] = replaced };
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
