namespace Harrier.Scripts.Dotnet;

/// <summary>A built C# script (<see cref="AssemblyPath"/>), or why not: the build's exit code and a sentence.</summary>
public sealed record CSharpBuildResult(string? AssemblyPath, int ExitCode, bool Killed, string? Failure)
{
    public static CSharpBuildResult Built(string assemblyPath) => new(assemblyPath, 0, false, null);

    public static CSharpBuildResult Failed(int exitCode, string failure) => new(null, exitCode, false, failure);

    public static CSharpBuildResult Stopped() => new(null, 137, true, null);
}
