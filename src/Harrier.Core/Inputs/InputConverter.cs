using System.Globalization;
using System.Text.RegularExpressions;
using Harrier.Core.Flows;
using Harrier.Core.Json;
using Harrier.Core.Time;

namespace Harrier.Core.Inputs;

/// <summary>Converts one given value to its input's type and checks the type's constraints.</summary>
internal static partial class InputConverter
{
    public static object? Convert(InputDefinition input, object value) => Convert(input, input.Type, value);

    private static object? Convert(InputDefinition input, string type, object value) => type switch
    {
        "STRING" or "SECRET" => CheckPattern(input, Text(value)),
        "INT" => CheckRange(input, ToLong(value), l => l),
        "FLOAT" => CheckRange(input, ToDouble(value), d => d),
        "BOOL" or "BOOLEAN" => ToBool(value),
        "SELECT" or "ENUM" => CheckChoice(input, Text(value)),
        "MULTISELECT" => ToList(value).Select(v => CheckChoice(input, Text(v!))).ToList<object?>(),
        "DATETIME" => ToDateTime(input, value),
        "DATE" => ToDate(input, value),
        "TIME" => ToTime(input, value),
        "DURATION" => ToDuration(input, value),
        "JSON" => value is string json ? ParseJson(json) : value,
        "YAML" => value is string yaml ? ParseYaml(yaml) : value,
        "URI" => ToUri(value, type),
        "FILE" => CheckExtension(input, ToUri(value, type)),
        "EMAIL" => EmailPattern().IsMatch(Text(value)) ? Text(value) : throw new InputException($"'{value}' is not an e-mail address"),
        "ARRAY" => ToList(value).Select(item => Convert(input, (input.Field("itemType") as string ?? "STRING").ToUpperInvariant(), item ?? "")).ToList<object?>(),
        _ => value,
    };

    private static string Text(object value) => value switch
    {
        string s => s,
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => PlainJson.Serialize(value),
    };

    private static string CheckPattern(InputDefinition input, string text)
    {
        if (input.Field("validator") is string pattern && !Regex.IsMatch(text, $"^(?:{pattern})$", RegexOptions.None, TimeSpan.FromSeconds(1)))
        {
            throw new InputException($"'{text}' does not match the validator {pattern}");
        }

        return text;
    }

    private static T CheckRange<T>(InputDefinition input, T value, Func<T, double> toDouble)
    {
        if (input.Field("min") is { } min && toDouble(value) < ToDouble(min))
        {
            throw new InputException($"{value} is less than the minimum {min}");
        }

        if (input.Field("max") is { } max && toDouble(value) > ToDouble(max))
        {
            throw new InputException($"{value} is more than the maximum {max}");
        }

        return value;
    }

    private static string CheckChoice(InputDefinition input, string text)
    {
        var values = input.Field("values") as IEnumerable<object?> ?? input.Field("options") as IEnumerable<object?>;
        if (values is null || input.Field("allowCustomValue") is true)
        {
            return text;
        }

        var allowed = values.Select(v => v is null ? "" : Text(v)).ToList();
        return allowed.Contains(text) ? text : throw new InputException($"'{text}' is not one of {string.Join(", ", allowed)}");
    }

    private static long ToLong(object value) => value switch
    {
        long l => l,
        int i => i,
        double d when d == Math.Floor(d) => (long)d,
        string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => l,
        _ => throw new InputException($"'{value}' is not an integer"),
    };

    private static double ToDouble(object value) => value switch
    {
        double d => d,
        long l => l,
        int i => i,
        string s when double.TryParse(s.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => double.IsFinite(d)
            ? d
            : throw new InputException($"'{s}' is not a finite number (NaN and numbers beyond ±1.8e308 cannot be stored)"),
        _ => throw new InputException($"'{value}' is not a number"),
    };

    private static bool ToBool(object value) => value switch
    {
        bool b => b,
        string s when bool.TryParse(s.Trim(), out var b) => b,
        _ => throw new InputException($"'{value}' is not true or false"),
    };

    private static string ToDateTime(InputDefinition input, object value)
    {
        var text = Text(value);
        if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var date))
        {
            throw new InputException($"'{text}' is not an ISO-8601 date-time such as 2024-01-31T10:00:00Z");
        }

        CheckOrder(input, text, date, s => DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal));
        return date.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFF'Z'", CultureInfo.InvariantCulture);
    }

    private static string ToDate(InputDefinition input, object value)
    {
        var text = Text(value);
        if (!DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            throw new InputException($"'{text}' is not a date such as 2024-01-31");
        }

        CheckOrder(input, text, date, s => DateOnly.ParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture));
        return text;
    }

    private static string ToTime(InputDefinition input, object value)
    {
        var text = Text(value);
        if (!TimeOnly.TryParse(text, CultureInfo.InvariantCulture, out var time))
        {
            throw new InputException($"'{text}' is not a time such as 13:45:00");
        }

        CheckOrder(input, text, time, s => TimeOnly.Parse(s, CultureInfo.InvariantCulture));
        return text;
    }

    private static string ToDuration(InputDefinition input, object value)
    {
        var text = Text(value);
        if (!IsoDuration.TryParse(text, out var duration))
        {
            throw new InputException(IsoDuration.Explain(text));
        }

        if (input.Field("min") is string min && IsoDuration.TryParse(min, out var lower) && duration < lower)
        {
            throw new InputException($"{text} is shorter than the minimum {min}");
        }

        if (input.Field("max") is string max && IsoDuration.TryParse(max, out var upper) && duration > upper)
        {
            throw new InputException($"{text} is longer than the maximum {max}");
        }

        return text;
    }

    /// <summary>Messages quote the text as given: a parsed value would print in .NET's format, not the user's.</summary>
    private static void CheckOrder<T>(InputDefinition input, string text, T value, Func<string, T> parse)
        where T : IComparable<T>
    {
        if (input.Field("after") is string after && value.CompareTo(parse(after)) <= 0)
        {
            throw new InputException($"'{text}' is not after {after}");
        }

        if (input.Field("before") is string before && value.CompareTo(parse(before)) >= 0)
        {
            throw new InputException($"'{text}' is not before {before}");
        }
    }

    private static object? ParseJson(string json)
    {
        try
        {
            return PlainJson.Parse(json);
        }
        catch (System.Text.Json.JsonException ex)
        {
            throw new InputException($"invalid JSON: {ex.Message}");
        }
    }

    private static object? ParseYaml(string yaml)
    {
        var diagnostics = new Validation.DiagnosticBag("input");
        var root = Yaml.YamlDocumentReader.Read(yaml, diagnostics).Root;
        var message = diagnostics.HasErrors ? diagnostics.Items[0].Message : null;
        return message is null
            ? root?.ToPlain()
            : throw new InputException(message.StartsWith("invalid YAML", StringComparison.Ordinal) ? message : $"invalid YAML: {message}");
    }

    private static List<object?> ToList(object value) => value switch
    {
        string s when s.TrimStart().StartsWith('[') => ParseJson(s) as List<object?> ?? throw new InputException($"'{s}' is not a JSON list"),
        string s => [.. s.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)],
        IEnumerable<object?> list => [.. list],
        _ => [value],
    };

    private static string ToUri(object value, string type)
    {
        var text = Text(value);
        return Uri.TryCreate(text, UriKind.Absolute, out _) ? text : throw new InputException($"'{text}' is not an absolute URI{(type == "FILE" ? " (give a file as NAME=@path/to/file)" : "")}");
    }

    /// <summary>Kestra's <c>allowedFileExtensions</c> (and the deprecated <c>extension</c>): the uploaded file's name must end with one.</summary>
    private static string CheckExtension(InputDefinition input, string uri)
    {
        var allowed = new List<string>();
        if (input.Field("allowedFileExtensions") is IEnumerable<object?> extensions)
        {
            allowed.AddRange(extensions.OfType<string>());
        }

        if (input.Field("extension") is string extension)
        {
            allowed.Add(extension);
        }

        var name = Uri.UnescapeDataString(uri[(uri.LastIndexOf('/') + 1)..]);
        return allowed.Count == 0 || allowed.Any(e => name.EndsWith(e.StartsWith('.') ? e : "." + e, StringComparison.OrdinalIgnoreCase))
            ? uri
            : throw new InputException($"'{name}' does not have an allowed extension ({string.Join(", ", allowed)})");
    }

    [GeneratedRegex(@"^[^@\s]+@[^@\s]+\.[^@\s]+$")]
    private static partial Regex EmailPattern();
}
