namespace Harrier.Docker.Settings;

/// <summary>Memory limits in bytes (spec §3.3 <c>memory</c>); null leaves Docker's default.</summary>
public sealed record DockerMemorySettings
{
    public long? Memory { get; init; }

    public long? MemorySwap { get; init; }

    public long? MemorySwappiness { get; init; }

    public long? MemoryReservation { get; init; }

    public long? KernelMemory { get; init; }

    public bool? OomKillDisable { get; init; }
}
