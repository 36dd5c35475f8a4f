using System.Collections;
using System.Globalization;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Time;

namespace Harrier.Docker.Settings;

/// <summary>
/// Typed reads from a rendered property map, each failure naming the property path (<c>taskRunner.memory.memory</c>)
/// and saying what a valid value looks like.
/// </summary>
internal sealed class SettingsMap(IReadOnlyDictionary<string, object?> values, string path)
{
    public bool Has(string name) => values.TryGetValue(name, out var value) && value is not null;

    public string? String(string name) => Get(name) switch
    {
        null => null,
        string text => text,
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        bool flag => flag ? "true" : "false",
        var other => throw Invalid(name, other, "a string"),
    };

    public bool? Bool(string name) => Get(name) switch
    {
        null => null,
        bool flag => flag,
        string text when bool.TryParse(text.Trim(), out var flag) => flag,
        var other => throw Invalid(name, other, "true or false"),
    };

    public double? Number(string name) => Get(name) switch
    {
        null => null,
        IConvertible convertible and not string and not bool => convertible.ToDouble(CultureInfo.InvariantCulture),
        string text when double.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var number) => number,
        var other => throw Invalid(name, other, "a number"),
    };

    public long? Size(string name)
    {
        var value = Get(name);
        if (value is null)
        {
            return null;
        }

        if (value is IConvertible and not string and not bool)
        {
            return Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }

        var text = String(name);
        return DockerSize.TryParse(text, out var bytes)
            ? bytes
            : throw new TaskFailedException($"{Path(name)}: '{text}' is not a size; write e.g. 512MB or 0.5GB");
    }

    public TimeSpan? Duration(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return IsoDuration.TryParse(text, out var duration) && duration >= TimeSpan.Zero
            ? duration
            : throw new TaskFailedException($"{Path(name)}: '{text}' is not a duration; write an ISO-8601 duration such as PT10S");
    }

    public IReadOnlyList<string>? StringList(string name) => Get(name) switch
    {
        null => null,
        string text => [text],
        IEnumerable items => items.Cast<object?>().Select(item => item switch
        {
            string text => text,
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            _ => throw Invalid(name, item, "a list of strings"),
        }).ToList(),
        var other => throw Invalid(name, other, "a list of strings"),
    };

    public IReadOnlyList<SettingsMap>? MapList(string name) => Get(name) switch
    {
        null => null,
        IEnumerable items and not string and not IReadOnlyDictionary<string, object?> => items.Cast<object?>()
            .Select((item, index) => item is IReadOnlyDictionary<string, object?> map
                ? new SettingsMap(map, $"{Path(name)}[{index}]")
                : throw Invalid(name, item, "a list of objects"))
            .ToList(),
        var other => throw Invalid(name, other, "a list of objects"),
    };

    public SettingsMap? Map(string name) => Get(name) switch
    {
        null => null,
        IReadOnlyDictionary<string, object?> map => new SettingsMap(map, Path(name)),
        var other => throw Invalid(name, other, "an object"),
    };

    public object? Raw(string name) => Get(name);

    public T Enum<T>(string name, T fallback, params (string Text, T Value)[] choices)
    {
        var text = String(name);
        if (text is null)
        {
            return fallback;
        }

        foreach (var (choice, value) in choices)
        {
            if (string.Equals(choice, text.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return value;
            }
        }

        throw new TaskFailedException($"{Path(name)}: '{text}' is not one of {string.Join(", ", choices.Select(c => c.Text))}");
    }

    public string Path(string name) => path.Length == 0 ? name : $"{path}.{name}";

    private object? Get(string name) => values.TryGetValue(name, out var value) ? value : null;

    private TaskFailedException Invalid(string name, object? value, string expected) =>
        new($"{Path(name)}: expected {expected}, got {Describe(value)}");

    private static string Describe(object? value) => value switch
    {
        null => "nothing",
        string text => $"'{text}'",
        IReadOnlyDictionary<string, object?> => "an object",
        IEnumerable => "a list",
        _ => $"'{value}'",
    };
}
