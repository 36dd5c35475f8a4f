using System.CommandLine;
using System.Net.Http.Headers;
using System.Text;
using Harrier.Server.Configuration;

namespace Harrier.Cli.Remote;

/// <summary>
/// How a CLI command reaches a Harrier (or Kestra) server: <c>--server URL</c>, and basic-auth credentials from
/// <c>HARRIER_SERVER_AUTH=user:password</c> or, failing that, from the <c>server.basicAuth</c> of <c>--config FILE</c>.
/// Requests go to Kestra's tenant prefix <c>/api/v1/main/</c>.
/// </summary>
public static class ServerConnection
{
    public const string AuthVariable = "HARRIER_SERVER_AUTH";

    public static Option<string?> ServerOption() => new("--server") { Description = "Talk to this Harrier server (http://host:port) instead of a data directory." };

    public static Option<string?> ConfigOption() => new("--config") { Description = "Read server.basicAuth credentials from this configuration file (HARRIER_SERVER_AUTH wins)." };

    public static HttpClient Open(string server, string? configFile)
    {
        if (!Uri.TryCreate(server.TrimEnd('/') + "/", UriKind.Absolute, out var root) || root.Scheme is not ("http" or "https"))
        {
            throw new ArgumentException($"--server '{server}' is not an http:// or https:// URL");
        }

        // Waits on executions and followed logs last as long as the executions do: no client-side timeout.
        var http = new HttpClient { BaseAddress = new Uri(root, "api/v1/main/"), Timeout = Timeout.InfiniteTimeSpan };
        if (Credentials(configFile) is { } credentials)
        {
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials)));
        }

        return http;
    }

    private static string? Credentials(string? configFile)
    {
        if (Environment.GetEnvironmentVariable(AuthVariable) is { Length: > 0 } fromEnvironment)
        {
            return fromEnvironment.Contains(':', StringComparison.Ordinal)
                ? fromEnvironment
                : throw new ArgumentException($"{AuthVariable} must be written user:password");
        }

        return configFile is not null && ServerConfigReader.ReadFile(new ServerOptions(), configFile).BasicAuth is { } auth
            ? $"{auth.Username}:{auth.Password}"
            : null;
    }
}
