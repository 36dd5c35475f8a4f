using System.Text;

namespace Harrier.Core.Validation;

/// <summary>Helpers for putting a user's text into an error message.</summary>
public static class Diagnostics
{
    public const int MaxQuoted = 80;

    /// <summary>A long value cut to its start, so a 200 KB id does not become a 200 KB error.</summary>
    public static string Shorten(string text) => text.Length <= MaxQuoted ? text : $"{text[..MaxQuoted]}… ({text.Length} characters)";

    /// <summary>
    /// Control characters written as <c>\u001B</c>: a message printed to a terminal must not carry escape sequences
    /// that a hostile file put there (changing the title, hiding lines, faking output).
    /// </summary>
    public static string Printable(string text)
    {
        if (!text.Any(c => char.IsControl(c) && c != '\n'))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\n')
            {
                builder.Append("\\u").Append(((int)c).ToString("X4", System.Globalization.CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }
}
