using Harrier.Core.Json;

namespace Harrier.Cli.Running;

/// <summary>Reads <c>--inputs FILE.json</c> and <c>--input NAME=VALUE</c> (the latter wins) into raw input values.</summary>
public static class InputArguments
{
    public static Dictionary<string, object?> Parse(IEnumerable<string> pairs, string? inputsFile, List<string> errors)
    {
        var values = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (inputsFile is not null)
        {
            ReadFile(inputsFile, values, errors);
        }

        foreach (var pair in pairs)
        {
            var equals = pair.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                errors.Add($"--input '{pair}': write it as NAME=VALUE");
                continue;
            }

            values[pair[..equals]] = pair[(equals + 1)..];
        }

        return values;
    }

    private static void ReadFile(string path, Dictionary<string, object?> values, List<string> errors)
    {
        try
        {
            if (PlainJson.Parse(File.ReadAllText(path)) is IReadOnlyDictionary<string, object?> map)
            {
                foreach (var (key, value) in map)
                {
                    values[key] = value;
                }
            }
            else
            {
                errors.Add($"--inputs {path}: the file must hold a JSON object of input name to value");
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or System.Text.Json.JsonException)
        {
            errors.Add($"--inputs {path}: {ex.Message}");
        }
    }
}
