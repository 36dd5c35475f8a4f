namespace Harrier.Scripts.Languages;

/// <summary>R: a Script task runs <c>Rscript &lt;file&gt;.R</c>.</summary>
public sealed class RLanguage : ScriptLanguage
{
    public override string Name => "r";

    public override string? ScriptFileExtension => ".R";

    public override string DefaultContainerImage => "r-base";

    protected override string RunTool => "Rscript";
}
