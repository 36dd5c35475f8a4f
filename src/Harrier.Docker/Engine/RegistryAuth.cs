using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Docker.DotNet.Models;
using Harrier.Core.Tasks.Running;
using Harrier.Docker.Settings;

namespace Harrier.Docker.Engine;

/// <summary>
/// <c>config</c> and <c>credentials</c> (spec §3.3): merged into one Docker <c>config.json</c>, written into the
/// working directory on every run (so a re-run with other credentials sees the new ones, §12.2 #12), and the
/// entry for the image's registry is what a pull authenticates with.
/// </summary>
internal static class RegistryAuth
{
    public const string ConfigFileName = "config.json";

    public static async Task<AuthConfig?> PrepareAsync(DockerRunnerSettings settings, string workingDirectory, CancellationToken cancellationToken)
    {
        if (settings.Config is null && settings.Credentials is null)
        {
            return null;
        }

        var image = ImageReference.Parse(settings.Image);
        var config = ParseConfig(settings.Config);
        var auths = config["auths"] as JsonObject ?? new JsonObject();
        config["auths"] = auths;
        if (settings.Credentials is { } credentials)
        {
            var registry = credentials.Registry is null ? image.Registry : ImageReference.NormaliseRegistry(credentials.Registry);
            var entry = new JsonObject();
            Add(entry, "username", credentials.Username);
            Add(entry, "password", credentials.Password);
            Add(entry, "registrytoken", credentials.RegistryToken);
            Add(entry, "identitytoken", credentials.IdentityToken);
            Add(entry, "auth", credentials.Auth ?? (credentials.Username is null ? null
                : Convert.ToBase64String(Encoding.UTF8.GetBytes($"{credentials.Username}:{credentials.Password}"))));
            auths[registry] = entry;
        }

        await File.WriteAllTextAsync(Path.Combine(workingDirectory, ConfigFileName), config.ToJsonString(), cancellationToken).ConfigureAwait(false);
        return FindAuth(auths, image.Registry);
    }

    private static JsonObject ParseConfig(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new JsonObject();
        }

        try
        {
            return JsonNode.Parse(text) as JsonObject ?? throw new TaskFailedException("taskRunner.config: expected the content of a Docker config.json (a JSON object)");
        }
        catch (JsonException exception)
        {
            throw new TaskFailedException($"taskRunner.config: not valid JSON ({exception.Message}); give the content of a Docker config.json", exception);
        }
    }

    private static AuthConfig? FindAuth(JsonObject auths, string registry)
    {
        foreach (var (key, value) in auths)
        {
            if (ImageReference.NormaliseRegistry(key) != registry || value is not JsonObject entry)
            {
                continue;
            }

            var auth = new AuthConfig
            {
                ServerAddress = registry,
                Username = (string?)entry["username"],
                Password = (string?)entry["password"],
                RegistryToken = (string?)entry["registrytoken"],
                IdentityToken = (string?)entry["identitytoken"],
                Auth = (string?)entry["auth"],
            };
            if (auth.Username is null && auth.Auth is not null)
            {
                var pair = Encoding.UTF8.GetString(Convert.FromBase64String(auth.Auth)).Split(':', 2);
                auth.Username = pair[0];
                auth.Password = pair.Length > 1 ? pair[1] : null;
            }

            return auth;
        }

        return null;
    }

    private static void Add(JsonObject entry, string key, string? value)
    {
        if (value is not null)
        {
            entry[key] = value;
        }
    }
}
