namespace Harrier.Scripts.Languages;

/// <summary>Where a Script task's code file is, as seen by the runner, and what the run command may use.</summary>
/// <param name="WorkingDirectory">The working directory as the process sees it (the runner's <c>workingDir</c>).</param>
/// <param name="FileName">The file name relative to the working directory, e.g. <c>7264512093381.py</c>.</param>
/// <param name="WindowsTarget">Whether the command runs on Windows (no POSIX shell constructs then).</param>
/// <param name="ResolvedInterpreter">Python: the interpreter resolved on the worker (Process runner); null means <c>python</c> (containers).</param>
/// <param name="PackagesInstalledByHarrier">Python: the task's <c>dependencies</c> were installed for it, so no venv detection.</param>
public sealed record ScriptFileContext(
    string WorkingDirectory,
    string FileName,
    bool WindowsTarget = false,
    string? ResolvedInterpreter = null,
    bool PackagesInstalledByHarrier = false)
{
    /// <summary>The absolute path of the file; separators are '/' unless the target is Windows.</summary>
    public string ScriptPath => WindowsTarget
        ? WorkingDirectory.TrimEnd('\\', '/') + "\\" + FileName
        : WorkingDirectory.TrimEnd('/').Replace('\\', '/') + "/" + FileName;
}
