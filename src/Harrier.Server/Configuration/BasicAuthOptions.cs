namespace Harrier.Server.Configuration;

/// <summary>The one user of HTTP basic authentication (<c>server.basicAuth</c>). The password is never logged nor printed.</summary>
public sealed record BasicAuthOptions(string Username, string Password)
{
    /// <summary>Keeps the password out of logs and exception messages that print options.</summary>
    public override string ToString() => $"BasicAuthOptions {{ Username = {Username}, Password = ****** }}";
}
