namespace Harrier.Scripts.Languages;

/// <summary>Shell: no file; a Script task's rendered text is itself the command given to the interpreter.</summary>
public sealed class ShellLanguage : ScriptLanguage
{
    public override string Name => "shell";

    public override string? ScriptFileExtension => null;

    public override string DefaultContainerImage => "ubuntu";

    protected override string RunTool => string.Empty;

    public override string BuildScriptCommand(ScriptFileContext context) =>
        throw new InvalidOperationException("A Shell Script task has no script file: its text is the command.");
}
