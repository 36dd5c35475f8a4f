namespace Harrier.Server.Api.Misc;

/// <summary>
/// Kestra's instance configuration (<c>GET /api/v1/configs</c>), the fields its clients read: version, edition, whether basic
/// auth is set up, preview sizes, the system namespace.
/// </summary>
public sealed record ApiConfiguration
{
    public required string Uuid { get; init; }

    public required string Version { get; init; }

    public string Edition { get; init; } = "OSS";

    public string? CommitId { get; init; }

    public bool IsCustomDashboardsEnabled { get; init; }

    public bool IsAnonymousUsageEnabled { get; init; }

    public bool IsUiAnonymousUsageEnabled { get; init; }

    public bool IsAiEnabled { get; init; }

    public bool IsBasicAuthInitialized { get; init; }

    public string? Url { get; init; }

    public ApiPreview Preview { get; init; } = new(100, 5000);

    public string SystemNamespace { get; init; } = "system";

    public IReadOnlyList<string> HiddenLabelsPrefixes { get; init; } = [];
}

public sealed record ApiPreview(int Initial, int Max);
