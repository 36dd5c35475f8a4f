using Harrier.Scripts.Logs;
using Harrier.Scripts.Runners;

namespace Harrier.Scripts.Dotnet;

/// <summary>One C# Script task's rendered code and what building it needs.</summary>
/// <param name="Script">The rendered <c>script</c> (dotnet-script text).</param>
/// <param name="HelperSource">Harrier's C# helper, appended to the program (part of the cache key).</param>
/// <param name="DotnetPath">The resolved <c>dotnet</c> executable.</param>
/// <param name="Runner">Runs <c>dotnet build</c> (the worker's Process runner).</param>
/// <param name="Logs">Where compile errors and the build time go.</param>
public sealed record CSharpBuildRequest(string Script, string HelperSource, string DotnetPath, ITaskRunner Runner, ITaskLogSink Logs)
{
    /// <summary>Variables for the build (the task's env: a NuGet configuration or package folder, for one).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();
}
