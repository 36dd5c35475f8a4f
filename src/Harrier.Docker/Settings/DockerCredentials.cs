namespace Harrier.Docker.Settings;

/// <summary>Registry credentials (spec §3.3 <c>credentials</c>); <see cref="Registry"/> null means "the image's registry".</summary>
public sealed record DockerCredentials
{
    public string? Registry { get; init; }

    public string? Username { get; init; }

    public string? Password { get; init; }

    public string? RegistryToken { get; init; }

    public string? IdentityToken { get; init; }

    /// <summary>base64 of <c>user:password</c>.</summary>
    public string? Auth { get; init; }
}
