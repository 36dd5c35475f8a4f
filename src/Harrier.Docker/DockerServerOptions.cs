namespace Harrier.Docker;

/// <summary>Server-level settings of the Docker runner; validated by <see cref="Validate"/> when the runner is built.</summary>
public sealed class DockerServerOptions
{
    /// <summary>The configuration key that turns <see cref="HostAccessEnabled"/> on, quoted in error messages.</summary>
    public const string HostAccessSetting = "harrier.docker.host-access-enabled";

    /// <summary>The former name of <see cref="HostAccessSetting"/> (it covered volumes only); the same setting.</summary>
    public const string VolumesEnabledSetting = HostAccessSetting;

    /// <summary>The <c>harrier run</c> flag that turns <see cref="HostAccessEnabled"/> on (<c>--allow-docker-volumes</c> still works).</summary>
    public const string HostAccessFlag = "--allow-docker-host-access";

    /// <summary>Engine address used when a task sets no <c>host</c>; null = auto-detect (spec §3.3).</summary>
    public string? Host { get; set; }

    /// <summary>
    /// Whether tasks may reach the host from their container: bind-mount host paths (<c>volumes</c>), run
    /// <c>privileged</c>, or share the host's network (<c>networkMode: host</c>) or another container's
    /// (<c>container:…</c>). Default false: each is a privilege escalation for whoever writes flows. When off, a task
    /// asking for one fails and says how to enable it.
    /// </summary>
    public bool HostAccessEnabled { get; set; }

    /// <summary>The former name of <see cref="HostAccessEnabled"/>; setting either sets both.</summary>
    public bool VolumesEnabled
    {
        get => HostAccessEnabled;
        set => HostAccessEnabled = value;
    }

    /// <summary>Pull attempts on engine 5xx errors and dropped connections (default 5, as Kestra).</summary>
    public int PullAttempts { get; set; } = 5;

    /// <summary>Wait before the second pull attempt, doubled each time up to 120 s (default 5 s).</summary>
    public TimeSpan PullRetryDelay { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// With <c>MOUNT</c>, when the worker is not root, files the container wrote as root are handed back to the
    /// worker's user by a short <c>chown</c> container from the task's image (default true).
    /// </summary>
    public bool ChownMountedFiles { get; set; } = true;

    /// <summary>Longest output line delivered whole (default 64 MiB); a longer one arrives in pieces of this size.</summary>
    public int MaxLineBytes { get; set; } = 64 * 1024 * 1024;

    public void Validate()
    {
        if (MaxLineBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLineBytes), MaxLineBytes, "MaxLineBytes must be at least 1024.");
        }

        if (PullAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(PullAttempts), PullAttempts, "PullAttempts must be at least 1.");
        }

        if (PullRetryDelay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PullRetryDelay), PullRetryDelay, "PullRetryDelay must not be negative.");
        }

        if (Host is not null && !Uri.TryCreate(Host, UriKind.Absolute, out _))
        {
            throw new ArgumentException($"Host '{Host}' is not an address such as unix:///var/run/docker.sock or tcp://127.0.0.1:2375.", nameof(Host));
        }
    }

    /// <summary>The address a run uses: the task's <c>host</c>, else <see cref="Host"/>, else Kestra's auto-detection.</summary>
    public string ResolveHost(string? taskHost)
    {
        if (!string.IsNullOrWhiteSpace(taskHost))
        {
            return taskHost;
        }

        if (Host is not null)
        {
            return Host;
        }

        if (File.Exists("/var/run/docker.sock"))
        {
            return "unix:///var/run/docker.sock";
        }

        return OperatingSystem.IsWindows() ? "npipe://./pipe/docker_engine" : "unix:///dind/docker.sock";
    }
}
