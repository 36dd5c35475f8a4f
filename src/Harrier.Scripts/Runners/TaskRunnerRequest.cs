namespace Harrier.Scripts.Runners;

/// <summary>What to run: an argv (program first) in a working directory with an environment.</summary>
/// <param name="Arguments">The argv; the first element is the program, looked up on the child's PATH.</param>
/// <param name="WorkingDirectory">Absolute path; the process starts there so relative paths work.</param>
public sealed record TaskRunnerRequest(IReadOnlyList<string> Arguments, string WorkingDirectory)
{
    /// <summary>Computed variables (task env, WORKING_DIR, helpers…); they override inherited ones.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Whether the worker's own environment is the base (Kestra's Process runner: yes; Docker: no).</summary>
    public bool InheritEnvironment { get; init; } = true;

    /// <summary>Time between the polite stop signal (SIGTERM) and the forced one (SIGKILL).</summary>
    public TimeSpan KillGracePeriod { get; init; } = TimeSpan.FromSeconds(5);
}
