namespace Harrier.Scripts.Git;

/// <summary>
/// Turns git's transport errors about credentials into a sentence that says what to check: git's own text
/// ("could not read Username … terminal prompts disabled", "Permission denied (publickey)") does not.
/// </summary>
internal static class GitErrorHints
{
    public static string? For(string stderr)
    {
        if (stderr.Contains("could not read Username", StringComparison.Ordinal)
            || stderr.Contains("could not read Password", StringComparison.Ordinal)
            || stderr.Contains("Authentication failed", StringComparison.Ordinal)
            || stderr.Contains("returned error: 401", StringComparison.Ordinal)
            || stderr.Contains("returned error: 403", StringComparison.Ordinal))
        {
            return "HTTP authentication failed: check 'username' and 'password' (or the token), or the credentials in the URL";
        }

        if (stderr.Contains("Permission denied (publickey", StringComparison.Ordinal))
        {
            return "SSH authentication failed: check 'privateKey' and its 'passphrase', and that its public key is authorised on the server";
        }

        if (stderr.Contains("Host key verification failed", StringComparison.Ordinal))
        {
            return "SSH host key verification failed";
        }

        return null;
    }
}
