namespace Harrier.Docker.Settings;

/// <summary>How the working directory reaches the container (spec §3.3 <c>fileHandlingStrategy</c>).</summary>
public enum DockerFileHandling
{
    /// <summary>Copied in (tar) before start and copied back after exit; works with a remote engine.</summary>
    Volume,

    /// <summary>Bind-mounted read-write at the same path; the engine must see the worker's paths.</summary>
    Mount,
}
