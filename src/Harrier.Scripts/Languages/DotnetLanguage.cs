using Harrier.Scripts.Dotnet;

namespace Harrier.Scripts.Languages;

/// <summary>
/// C# (Kestra's <c>io.kestra.plugin.scripts.dotnet</c>): Kestra runs <c>.csx</c> text with dotnet-script; Harrier turns
/// it into a .NET 10 file-based app (<see cref="CsxTranslator"/>). On the Process runner the script is built once per
/// distinct text and the built program runs (<see cref="CSharpScriptBuilds"/>); in a container the translated file is
/// written to the working directory and run with <c>dotnet run</c>.
/// </summary>
public sealed class DotnetLanguage : ScriptLanguage
{
    private static readonly IReadOnlyDictionary<string, string> Environment = new Dictionary<string, string>
    {
        ["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1",
        ["DOTNET_NOLOGO"] = "1",
        ["DOTNET_SKIP_FIRST_TIME_EXPERIENCE"] = "1",
    };

    public override string Name => "dotnet";

    public override string? ScriptFileExtension => ".cs";

    public override string DefaultContainerImage => "mcr.microsoft.com/dotnet/sdk:10.0";

    public override IReadOnlyDictionary<string, string> ExtraEnvironment => Environment;

    public override ToolRequirement? RequiredTool { get; } =
        new("dotnet", "install the .NET 10 SDK (Microsoft's packages, or dotnet-install) so that 'dotnet' is on PATH");

    protected override string RunTool => "dotnet run";

    public override string ScriptFileContent(string renderedScript) => CsxTranslator.Translate(renderedScript, CSharpHelperSource.Text);
}
