using Harrier.Core.Engine;
using Xunit;

namespace Harrier.Core.Tests.Engine;

public sealed class DeferredVariableDictionaryTests
{
    [Fact]
    public void DeferredValue_IsNotComputed_UntilRead_ThenComputedOnce()
    {
        var computed = 0;
        var variables = new DeferredVariableDictionary();
        variables.Set("flow", "f");
        variables.Defer("outputs", () => ++computed);

        Assert.True(variables.ContainsKey("outputs"));
        Assert.Equal("f", variables["flow"]);
        Assert.Equal(0, computed);

        Assert.True(variables.TryGetValue("outputs", out var first));
        var second = variables["outputs"];

        Assert.Equal(1, first);
        Assert.Equal(1, second);
        Assert.Equal(1, computed);
    }

    [Fact]
    public void Enumeration_GivesComputedValues_NotTheirWrappers()
    {
        var variables = new DeferredVariableDictionary();
        variables.Defer("outputs", () => "computed");
        variables.Set("vars", null);

        Assert.Equal([KeyValuePair.Create("outputs", (object?)"computed"), KeyValuePair.Create("vars", (object?)null)], variables.ToList());
        Assert.Equal(["computed", null], variables.Values);
    }

    [Fact]
    public void MissingName_IsNotFound()
    {
        var variables = new DeferredVariableDictionary();

        Assert.False(variables.TryGetValue("outputs", out var value));
        Assert.Null(value);
        Assert.Throws<KeyNotFoundException>(() => variables["outputs"]);
    }
}
