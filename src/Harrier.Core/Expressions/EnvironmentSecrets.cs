using System.Collections;
using System.Text;

namespace Harrier.Core.Expressions;

/// <summary>
/// The values behind <c>secret('NAME')</c> on this worker: every <c>SECRET_NAME</c> environment variable, base64-decoded
/// (Kestra OSS). All of them are known secrets, so a task that prints one it got some other way is masked too.
/// </summary>
public static class EnvironmentSecrets
{
    public const string Prefix = "SECRET_";

    /// <summary>The decoded values; a variable that is not valid base64 is skipped (<c>secret()</c> reports it when called).</summary>
    public static IReadOnlyList<string> Values()
    {
        var values = new List<string>();
        foreach (DictionaryEntry entry in Environment.GetEnvironmentVariables())
        {
            if (entry.Key is string key && key.StartsWith(Prefix, StringComparison.Ordinal) && entry.Value is string encoded)
            {
                try
                {
                    values.Add(Encoding.UTF8.GetString(Convert.FromBase64String(encoded.Trim())));
                }
                catch (FormatException)
                {
                    // Not a secret Harrier can hand out, so not one it needs to hide.
                }
            }
        }

        return values;
    }
}
