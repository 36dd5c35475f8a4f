namespace Harrier.Core.Logs;

/// <summary>
/// Replaces known secret values in task log lines with <c>******</c>: the values of SECRET inputs and of every
/// <c>secret('…')</c> rendered for the task. A script that echoes a secret it was given cannot leak it to the logs.
/// </summary>
/// <remarks>Values shorter than <see cref="MinimumLength"/> are not masked: hiding "1" would garble every log line.</remarks>
public sealed class SecretMasker
{
    public const int MinimumLength = 3;
    public const string Mask = "******";

    private readonly Lock _gate = new();
    private string[] _secrets = [];

    public bool IsEmpty => _secrets.Length == 0;

    public void Add(string? secret)
    {
        if (secret is null || secret.Length < MinimumLength)
        {
            return;
        }

        lock (_gate)
        {
            if (!_secrets.Contains(secret, StringComparer.Ordinal))
            {
                // Longest first, so a secret containing another is masked whole.
                _secrets = [.. _secrets.Append(secret).OrderByDescending(s => s.Length)];
            }
        }
    }

    public string Apply(string text)
    {
        var secrets = _secrets;
        foreach (var secret in secrets)
        {
            if (text.Contains(secret, StringComparison.Ordinal))
            {
                text = text.Replace(secret, Mask, StringComparison.Ordinal);
            }
        }

        return text;
    }
}
