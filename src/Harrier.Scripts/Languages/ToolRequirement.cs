namespace Harrier.Scripts.Languages;

/// <summary>
/// The program a language's Script task runs (looked up on the task's PATH on the Process runner), and what to install
/// when it is missing: a task then fails at once with <see cref="InstallHint"/> instead of a shell's "not found".
/// </summary>
/// <param name="Executable">e.g. <c>groovy</c>, <c>jbang</c>, <c>dotnet</c>.</param>
/// <param name="InstallHint">A sentence naming what to install, e.g. <c>install Groovy (apt-get install groovy)</c>.</param>
public sealed record ToolRequirement(string Executable, string InstallHint)
{
    public string MissingMessage(string? path) =>
        $"'{Executable}' was not found on the worker's PATH ({path}): {InstallHint}, or run the task in a container (taskRunner: io.kestra.plugin.scripts.runner.docker.Docker)";
}
