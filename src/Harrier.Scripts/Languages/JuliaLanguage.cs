namespace Harrier.Scripts.Languages;

/// <summary>Julia: a Script task runs <c>julia &lt;file&gt;.jl</c>.</summary>
public sealed class JuliaLanguage : ScriptLanguage
{
    public override string Name => "julia";

    public override string? ScriptFileExtension => ".jl";

    public override string DefaultContainerImage => "julia";

    protected override string RunTool => "julia";
}
