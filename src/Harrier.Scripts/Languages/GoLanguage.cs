namespace Harrier.Scripts.Languages;

/// <summary>Go: a Script task runs <c>go run &lt;file&gt;.go</c>.</summary>
public sealed class GoLanguage : ScriptLanguage
{
    public override string Name => "go";

    public override string? ScriptFileExtension => ".go";

    public override string DefaultContainerImage => "golang";

    protected override string RunTool => "go run";
}
