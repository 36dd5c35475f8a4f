namespace Harrier.Scripts.Tasks;

/// <summary>The name part and default image of one language's task types, for the type declarations.</summary>
public sealed record ScriptLanguageInfo(string Key, string DisplayName, string DefaultImage)
{
    public string ScriptType => $"io.kestra.plugin.scripts.{Key}.Script";

    public string CommandsType => $"io.kestra.plugin.scripts.{Key}.Commands";

    /// <summary>The languages of spec §2.1 that run as processes.</summary>
    public static IReadOnlyList<ScriptLanguageInfo> All { get; } =
    [
        new("shell", "Shell", "ubuntu"),
        new("python", "Python", "python:3.13-slim"),
        new("node", "Node.js", "node"),
        new("r", "R", "r-base"),
        new("julia", "Julia", "julia"),
        new("ruby", "Ruby", "ruby"),
        new("powershell", "PowerShell", "ghcr.io/kestra-io/powershell:latest"),
        new("go", "Go", "golang"),
        new("deno", "Deno", "denoland/deno"),
        new("bun", "Bun", "oven/bun"),
        new("lua", "Lua", "nickblah/lua"),
        new("perl", "Perl", "perl"),
        new("php", "PHP", "php"),
        new("dotnet", "C#", "mcr.microsoft.com/dotnet/sdk:10.0"),
        new("groovy", "Groovy", "groovy"),
        new("jbang", "JBang (Java)", "jbangdev/jbang-action"),
    ];
}
