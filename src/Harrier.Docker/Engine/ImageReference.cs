namespace Harrier.Docker.Engine;

/// <summary>An image name split as the pull API wants it, with Kestra's defaults (no tag = <c>latest</c>).</summary>
internal sealed record ImageReference(string Repository, string? Tag, string Registry)
{
    public const string DockerHub = "https://index.docker.io/v1/";

    /// <summary>The full name with its tag (or digest), as the engine knows the image.</summary>
    public string FullName => Tag is null ? Repository : $"{Repository}:{Tag}";

    public static ImageReference Parse(string image)
    {
        var lastSlash = image.LastIndexOf('/');
        var colon = image.LastIndexOf(':');
        string repository;
        string? tag;
        if (image.Contains('@', StringComparison.Ordinal))
        {
            // A digest names the image exactly; the pull API takes it whole.
            repository = image;
            tag = null;
        }
        else if (colon > lastSlash)
        {
            repository = image[..colon];
            tag = image[(colon + 1)..];
        }
        else
        {
            repository = image;
            tag = "latest";
        }

        var firstSlash = repository.IndexOf('/', StringComparison.Ordinal);
        var first = firstSlash > 0 ? repository[..firstSlash] : "";
        var registry = first.Contains('.', StringComparison.Ordinal) || first.Contains(':', StringComparison.Ordinal) || first == "localhost"
            ? NormaliseRegistry(first)
            : DockerHub;
        return new ImageReference(repository, tag, registry);
    }

    /// <summary>Docker Hub's many spellings become one key; other registries lose a trailing <c>/v2</c>.</summary>
    public static string NormaliseRegistry(string registry)
    {
        var bare = registry.Trim().TrimEnd('/');
        var host = bare.Replace("https://", "", StringComparison.OrdinalIgnoreCase).Replace("http://", "", StringComparison.OrdinalIgnoreCase);
        var hostOnly = host.Split('/')[0];
        if (hostOnly is "docker.io" or "index.docker.io" or "registry-1.docker.io" or "registry.hub.docker.com")
        {
            return DockerHub;
        }

        return bare.EndsWith("/v2", StringComparison.OrdinalIgnoreCase) ? bare[..^3] : bare;
    }
}
