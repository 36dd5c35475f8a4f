namespace Harrier.Scripts.Languages;

/// <summary>Perl: a Script task runs <c>perl &lt;file&gt;.pl</c>.</summary>
public sealed class PerlLanguage : ScriptLanguage
{
    public override string Name => "perl";

    public override string? ScriptFileExtension => ".pl";

    public override string DefaultContainerImage => "perl";

    protected override string RunTool => "perl";

    /// <summary>Kestra's Perl Commands never adds <c>set -e</c> (a quirk kept for compatibility; Script does).</summary>
    public override bool CommandsTaskAddsExitOnError => false;
}
