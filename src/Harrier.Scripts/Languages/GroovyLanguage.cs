namespace Harrier.Scripts.Languages;

/// <summary>
/// Groovy: a Script task runs <c>groovy &lt;file&gt;.groovy</c>. Kestra forces its Docker runner (as root) for Groovy
/// Script tasks whatever <c>taskRunner</c> says; Harrier honours <c>taskRunner</c> like for every other language.
/// </summary>
public sealed class GroovyLanguage : ScriptLanguage
{
    public override string Name => "groovy";

    public override string? ScriptFileExtension => ".groovy";

    public override string DefaultContainerImage => "groovy";

    public override ToolRequirement? RequiredTool { get; } = new("groovy", "install Groovy (apt-get install groovy)");

    protected override string RunTool => "groovy";
}
