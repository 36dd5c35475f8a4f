namespace Harrier.Scripts.Languages;

/// <summary>Deno: a Script task runs <c>deno run &lt;file&gt;.ts</c> (no permission flags, as in Kestra).</summary>
public sealed class DenoLanguage : ScriptLanguage
{
    public override string Name => "deno";

    public override string? ScriptFileExtension => ".ts";

    public override string DefaultContainerImage => "denoland/deno";

    protected override string RunTool => "deno run";
}
