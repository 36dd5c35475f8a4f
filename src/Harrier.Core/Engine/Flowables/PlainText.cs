using System.Globalization;
using Harrier.Core.Json;

namespace Harrier.Core.Engine.Flowables;

/// <summary>A rendered value as the text Kestra compares (Switch's value, ForEach's items): JSON for maps and lists.</summary>
internal static class PlainText
{
    public static string Of(object? value) => value switch
    {
        string s => s,
        null => "null",
        bool b => b ? "true" : "false",
        long or int or double or decimal => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => PlainJson.Serialize(value),
    };
}
