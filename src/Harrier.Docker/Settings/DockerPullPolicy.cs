namespace Harrier.Docker.Settings;

/// <summary>When the image is pulled before a run (spec §3.3 <c>pullPolicy</c>).</summary>
public enum DockerPullPolicy
{
    /// <summary>Inspect the image and pull only when the engine does not have it (the runner's default).</summary>
    IfNotPresent,

    /// <summary>Pull before every run (the deprecated <c>docker:</c> options' default).</summary>
    Always,

    /// <summary>Never pull; a missing image fails the task.</summary>
    Never,
}
