namespace Harrier.Scripts.Runners.Process;

/// <summary>Settings of <see cref="ProcessTaskRunner"/>; the defaults suit every worker.</summary>
public sealed class ProcessTaskRunnerOptions
{
    /// <summary>
    /// Longest line delivered whole (default 64 MiB). A longer run of bytes without a newline is
    /// delivered in pieces of this size, so a runaway script cannot exhaust the worker's memory.
    /// </summary>
    public int MaxLineBytes { get; set; } = 64 * 1024 * 1024;

    /// <summary>
    /// After the main process exits, how long to keep reading for output still in flight from
    /// background children (default 1 s) before the leftover process group is stopped.
    /// </summary>
    public TimeSpan PostExitDrainWindow { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// The util-linux <c>setsid</c> binary that puts the child in its own session and process group
    /// (one extra exec, measured well under a millisecond; see the runner's remarks).
    /// </summary>
    public string SetsidPath { get; set; } = "/usr/bin/setsid";

    public void Validate()
    {
        if (MaxLineBytes < 1024)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxLineBytes), MaxLineBytes, "MaxLineBytes must be at least 1024.");
        }

        if (PostExitDrainWindow < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(PostExitDrainWindow), PostExitDrainWindow, "PostExitDrainWindow must not be negative.");
        }

        if (!OperatingSystem.IsWindows() && !File.Exists(SetsidPath))
        {
            throw new InvalidOperationException(
                $"The process runner needs '{SetsidPath}' (util-linux) to give each task its own process group; install util-linux or set SetsidPath.");
        }
    }
}
