using System.Text.RegularExpressions;

namespace Harrier.Scripts.Git;

/// <summary>Removes secrets from text before it is logged: known secret values and the user-info part of URLs.</summary>
internal sealed partial class SecretScrubber(IEnumerable<string?> secrets)
{
    private readonly string[] _secrets = [.. secrets.Where(s => !string.IsNullOrEmpty(s) && s.Length >= 3).Cast<string>().OrderByDescending(s => s.Length)];

    public string Scrub(string text)
    {
        foreach (var secret in _secrets)
        {
            text = text.Replace(secret, "***", StringComparison.Ordinal);
        }

        return UserInfo().Replace(text, "${scheme}***@");
    }

    /// <summary>A URL with its user name and password hidden: <c>https://***@host/repo.git</c>.</summary>
    public static string Redact(string url) => UserInfo().Replace(url, "${scheme}***@");

    [GeneratedRegex(@"(?<scheme>[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\s]+@")]
    private static partial Regex UserInfo();
}
