namespace Harrier.Scripts.Runners.Process;

/// <summary>How <see cref="ProcessTaskRunner"/> starts a child in its own session and process group.</summary>
public enum ChildLauncher
{
    /// <summary>libc <c>posix_spawn</c> with <c>POSIX_SPAWN_SETSID</c> (Linux; no extra exec).</summary>
    PosixSpawn,

    /// <summary>
    /// System.Diagnostics.Process through the util-linux <c>setsid</c> binary (one extra exec, ~1 ms more).
    /// Fallback only: its children inherit the runtime's ignored SIGPIPE, so pipelines like
    /// <c>yes | head</c> print "Broken pipe" errors.
    /// </summary>
    SetsidBinary,
}
