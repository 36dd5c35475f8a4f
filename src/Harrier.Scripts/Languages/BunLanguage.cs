namespace Harrier.Scripts.Languages;

/// <summary>Bun: a Script task runs <c>bun run &lt;file&gt;.ts</c>.</summary>
public sealed class BunLanguage : ScriptLanguage
{
    public override string Name => "bun";

    public override string? ScriptFileExtension => ".ts";

    public override string DefaultContainerImage => "oven/bun";

    protected override string RunTool => "bun run";
}
