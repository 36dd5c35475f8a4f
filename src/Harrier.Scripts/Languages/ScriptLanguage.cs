namespace Harrier.Scripts.Languages;

/// <summary>
/// Defaults shared by most languages: run through <c>/bin/sh -c</c>, <c>set -e</c> for failFast, and a
/// Script task runs <c>&lt;tool&gt; &lt;absolute file path&gt;</c>.
/// </summary>
public abstract class ScriptLanguage : IScriptLanguage
{
    private static readonly IReadOnlyList<string> PosixShell = ["/bin/sh", "-c"];
    private static readonly IReadOnlyDictionary<string, string> NoEnvironment = new Dictionary<string, string>();

    public abstract string Name { get; }

    public string ScriptTypeName => $"io.kestra.plugin.scripts.{Name}.Script";

    public string CommandsTypeName => $"io.kestra.plugin.scripts.{Name}.Commands";

    public abstract string? ScriptFileExtension { get; }

    public abstract string DefaultContainerImage { get; }

    public virtual IReadOnlyList<string> DefaultInterpreter => PosixShell;

    public virtual bool CommandsTaskAddsExitOnError => true;

    public virtual IReadOnlyDictionary<string, string> ExtraEnvironment => NoEnvironment;

    public virtual string ScriptPrelude => string.Empty;

    public virtual ToolRequirement? RequiredTool => null;

    public virtual string ScriptFileContent(string renderedScript) => ScriptPrelude + renderedScript;

    /// <summary>The command that runs a file, e.g. <c>node</c> or <c>go run</c>.</summary>
    protected abstract string RunTool { get; }

    public virtual string ExitOnErrorLine(bool windowsTarget) => windowsTarget ? string.Empty : "set -e";

    public virtual string BuildScriptCommand(ScriptFileContext context) =>
        $"{RunTool} {ShellQuoting.QuoteIfNeeded(context.ScriptPath)}";
}
