using System.Globalization;

namespace Harrier.Core.Engine.Planning;

/// <summary>Kestra's truthiness for <c>runIf</c>, If's <c>condition</c> and Fail's <c>condition</c>.</summary>
public static class Truth
{
    public static bool IsTruthy(object? value) => value switch
    {
        null => false,
        bool b => b,
        long l => l != 0,
        int i => i != 0,
        double d => d != 0 && !double.IsNaN(d),
        string s => !IsFalsyText(s.Trim()),
        _ => !IsFalsyText(Convert.ToString(value, CultureInfo.InvariantCulture)?.Trim() ?? ""),
    };

    private static bool IsFalsyText(string text) =>
        text.Length == 0 || text is "0" or "-0" or "0.0" || text.Equals("false", StringComparison.OrdinalIgnoreCase) || text == "null";
}
