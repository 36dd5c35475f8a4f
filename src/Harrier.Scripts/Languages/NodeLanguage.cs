namespace Harrier.Scripts.Languages;

/// <summary>Node.js: a Script task runs <c>node &lt;file&gt;.js</c>. (Kestra's Node Script also sets two pip variables by a copy/paste slip; Harrier does not, it changes nothing for Node.)</summary>
public sealed class NodeLanguage : ScriptLanguage
{
    public override string Name => "node";

    public override string? ScriptFileExtension => ".js";

    public override string DefaultContainerImage => "node";

    protected override string RunTool => "node";
}
