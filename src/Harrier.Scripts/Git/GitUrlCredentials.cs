namespace Harrier.Scripts.Git;

/// <summary>
/// Credentials written into an HTTP(S) URL (<c>https://user:token@host/repo.git</c>, a common Kestra habit) are
/// moved out of it: git would otherwise keep the URL, token included, in <c>.git/config</c> of the working
/// directory that later tasks read and may upload, and show it in the process list while it runs.
/// </summary>
internal static class GitUrlCredentials
{
    /// <summary>The settings with a URL free of user:password, the credentials taken over unless given as properties.</summary>
    public static GitCloneSettings MoveOutOfUrl(GitCloneSettings settings)
    {
        if (!Uri.TryCreate(settings.Url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps)
            || uri.UserInfo is not { Length: > 0 } userInfo
            || userInfo.IndexOf(':', StringComparison.Ordinal) is var colon && colon < 0)
        {
            return settings;
        }

        var clean = new UriBuilder(uri) { UserName = "", Password = "" }.Uri.AbsoluteUri;
        return settings with
        {
            Url = clean,
            Username = settings.Username ?? Uri.UnescapeDataString(userInfo[..colon]),
            Password = settings.Password ?? Uri.UnescapeDataString(userInfo[(colon + 1)..]),
        };
    }
}
