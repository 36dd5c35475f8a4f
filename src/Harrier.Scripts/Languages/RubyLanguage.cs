namespace Harrier.Scripts.Languages;

/// <summary>Ruby: a Script task runs <c>ruby &lt;file&gt;.rb</c>.</summary>
public sealed class RubyLanguage : ScriptLanguage
{
    public override string Name => "ruby";

    public override string? ScriptFileExtension => ".rb";

    public override string DefaultContainerImage => "ruby";

    protected override string RunTool => "ruby";
}
