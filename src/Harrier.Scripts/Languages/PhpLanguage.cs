namespace Harrier.Scripts.Languages;

/// <summary>PHP: a Script task runs <c>php &lt;file&gt;.php</c>. Kestra names the file <c>.js</c> (a slip); Harrier uses <c>.php</c> because the Kestra name would let an <c>outputFiles: ['*.js']</c> glob pick up the script itself, and PHP does not care about the extension.</summary>
public sealed class PhpLanguage : ScriptLanguage
{
    public override string Name => "php";

    public override string? ScriptFileExtension => ".php";

    public override string DefaultContainerImage => "php";

    protected override string RunTool => "php";
}
