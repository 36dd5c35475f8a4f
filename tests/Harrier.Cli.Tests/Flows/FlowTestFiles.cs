using Harrier.Server.Hosting;
using Harrier.Core.Flows;

namespace Harrier.Cli.Tests.Flows;

/// <summary>Where the test flows live and a loader with every type this build of Harrier knows.</summary>
internal static class FlowTestFiles
{
    public static FlowLoader Loader { get; } = new(HarrierTaskTypes.Registry, ExpressionChecking.Checker);

    public static string Broken(string name) => Path.Combine(AppContext.BaseDirectory, "Flows", "Broken", name);

    public static string Valid(string name) => Path.Combine(AppContext.BaseDirectory, "Flows", "Valid", name);

    public static IEnumerable<string> ValidNames() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "Flows", "Valid"), "*.yml").Select(f => Path.GetFileName(f)).Order(StringComparer.Ordinal);

    /// <summary>The repository root: the first folder above the test assembly holding Harrier.slnx.</summary>
    public static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harrier.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Harrier.slnx above {AppContext.BaseDirectory}");
    }

    /// <summary>Loads a text and fails with every diagnostic when it is not valid.</summary>
    public static FlowDefinition LoadValid(string text, string file = "flow.yml")
    {
        var result = Loader.Load(text, file);
        Assert.True(result.IsValid, string.Join('\n', result.Diagnostics));
        return result.Flow!;
    }
}
