using Harrier.Server.Hosting;

namespace Harrier.Cli.Running;

/// <summary>What <c>harrier run</c> was asked to do.</summary>
public sealed record RunRequest
{
    public required string FlowFile { get; init; }

    public IReadOnlyList<string> Inputs { get; init; } = [];

    public string? InputsFile { get; init; }

    public bool Json { get; init; }

    public bool IncludeLogs { get; init; }

    public string DataDirectory { get; init; } = ".harrier";

    public int? WorkerSlots { get; init; }

    public HostOptions Host { get; init; } = new();

    /// <summary>Folders of flows Subflows may start (<c>--flows</c>).</summary>
    public IReadOnlyList<string> FlowDirectories { get; init; } = [];
}
