using System.Buffers;

namespace Harrier.Scripts.Languages;

/// <summary>POSIX shell quoting for paths put into generated command lines.</summary>
public static class ShellQuoting
{
    private static readonly SearchValues<char> Safe =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_./-+:=@%,");

    /// <summary>
    /// The text unchanged when it needs no quoting (so commands read like Kestra's, e.g.
    /// <c>node /tmp/wd/123.js</c>), else single-quoted: a working directory with spaces still works.
    /// </summary>
    public static string QuoteIfNeeded(string text) =>
        text.Length > 0 && !text.AsSpan().ContainsAnyExcept(Safe) ? text : "'" + text.Replace("'", "'\\''", StringComparison.Ordinal) + "'";

    /// <summary>The text inside double quotes, with the characters special there escaped.</summary>
    public static string DoubleQuote(string text)
    {
        var escaped = text
            .Replace("\\", "\\\\", StringComparison.Ordinal)
            .Replace("\"", "\\\"", StringComparison.Ordinal)
            .Replace("$", "\\$", StringComparison.Ordinal)
            .Replace("`", "\\`", StringComparison.Ordinal);
        return "\"" + escaped + "\"";
    }
}
