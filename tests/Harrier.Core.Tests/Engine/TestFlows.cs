using Harrier.Core.Flows;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tests.Engine;

/// <summary>Loads small test flows with the core task types; fails the test with every diagnostic when one does not load.</summary>
internal static class TestFlows
{
    private static readonly FlowLoader Loader = new(TaskTypeRegistry.Create(CoreTaskTypes.All));

    /// <summary><paramref name="body"/> is the flow without <c>id</c> and <c>namespace</c>.</summary>
    public static FlowDefinition Load(string body)
    {
        var result = Loader.Load($"id: test\nnamespace: company.team\n{body}", "test.yml");
        Assert.True(result.IsValid, string.Join('\n', result.Diagnostics));
        return result.Flow!;
    }
}
