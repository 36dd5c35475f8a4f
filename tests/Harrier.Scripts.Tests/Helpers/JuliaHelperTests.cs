using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

/// <summary>Julia cannot be installed on these machines: the helper's presence and shape are checked, not its run.</summary>
public sealed class JuliaHelperTests
{
    [Fact]
    public void Package_IsOnTheJuliaLoadPath_WithItsFunctions()
    {
        var variables = HelperRun.Helpers.BuildVariables(new Dictionary<string, string>());
        var loadPath = variables["JULIA_LOAD_PATH"];
        Assert.EndsWith(":", loadPath, StringComparison.Ordinal);

        var source = File.ReadAllText(Path.Combine(loadPath.TrimEnd(':'), "Harrier", "src", "Harrier.jl"));

        Assert.Contains("module Harrier", source, StringComparison.Ordinal);
        Assert.Contains("export outputs, counter, gauge, timer", source, StringComparison.Ordinal);
        Assert.Matches(@"outputs\(values\) = send\(""\{\\""outputs\\"":", source);
        Assert.True(File.Exists(Path.Combine(loadPath.TrimEnd(':'), "Harrier", "Project.toml")));
    }
}
