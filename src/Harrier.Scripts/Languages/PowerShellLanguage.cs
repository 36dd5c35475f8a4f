namespace Harrier.Scripts.Languages;

/// <summary>
/// PowerShell: <c>pwsh -NoProfile -NonInteractive -Command</c> instead of a POSIX shell, and
/// <c>$ErrorActionPreference = 'Stop'</c> as failFast line (on every OS). A Script task runs
/// <c>&lt;workingDir&gt;/./&lt;file&gt;.ps1</c>: Kestra builds <c>.\&lt;file&gt;.ps1</c> under the working directory.
/// </summary>
public sealed class PowerShellLanguage : ScriptLanguage
{
    private static readonly IReadOnlyList<string> Pwsh = ["pwsh", "-NoProfile", "-NonInteractive", "-Command"];

    // pwsh colours its error records with ANSI escapes even when stderr is a pipe; task logs are plain
    // text, so Harrier asks for plain output (a Harrier addition; Kestra passes the escapes through).
    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string> { ["NO_COLOR"] = "1" };

    public override string Name => "powershell";

    public override string? ScriptFileExtension => ".ps1";

    public override string DefaultContainerImage => "ghcr.io/kestra-io/powershell:latest";

    public override IReadOnlyList<string> DefaultInterpreter => Pwsh;

    public override IReadOnlyDictionary<string, string> ExtraEnvironment => Environment;

    protected override string RunTool => string.Empty;

    public override string ExitOnErrorLine(bool windowsTarget) => "$ErrorActionPreference = 'Stop'";

    public override string BuildScriptCommand(ScriptFileContext context)
    {
        var path = context with { FileName = (context.WindowsTarget ? ".\\" : "./") + context.FileName };
        // PowerShell's own quoting: a path with spaces needs the call operator and single quotes.
        var text = path.ScriptPath;
        return ShellQuoting.QuoteIfNeeded(text) == text ? text : "& '" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
    }
}
