namespace Harrier.Core.Engine;

/// <summary>Settings of the executor and workers of one Harrier process.</summary>
public sealed record EngineOptions
{
    /// <summary>Task runs a worker executes at once. Default: the number of processor cores, at least 2.</summary>
    public int WorkerSlots { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long a claimed job belongs to its worker without a renewal.</summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often an idle worker slot looks at the queue even without a wake-up (other processes enqueue too).</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Folder under which task attempts create working directories (0700 each). Default: <c>&lt;temp&gt;/harrier-&lt;uid&gt;</c>,
    /// one per user; it must belong to this user and be closed to others, or tasks fail saying so (<see cref="Storage.PrivateFolder"/>).
    /// </summary>
    public string TempDirectory { get; init; } = Storage.PrivateFolder.UserTempPath("harrier");

    /// <summary>Identifies this worker in leases.</summary>
    public string WorkerId { get; init; } = $"{Environment.MachineName}-{Environment.ProcessId}";

    /// <summary>The worker group of this process's worker (null: group-less jobs only).</summary>
    public string? WorkerGroup { get; init; }

    /// <summary>Folders whose files <c>file://</c> URIs in inputFiles may read (Kestra's <c>kestra.local-files.allowed-paths</c>). None by default.</summary>
    public IReadOnlyList<string> AllowedLocalPaths { get; init; } = [];

    public void Validate()
    {
        if (WorkerSlots < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WorkerSlots), WorkerSlots, "A worker needs at least one slot.");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(LeaseDuration), LeaseDuration, "Leases shorter than a second would expire under normal load.");
        }
    }
}
