using Harrier.Core.Inputs;

namespace Harrier.Core.Tests.Inputs;

public sealed class InputResolverTests
{
    private static InputResolution Resolve(string[] declarations, params (string Id, object? Value)[] given) =>
        InputResolver.Resolve(InputFlows.With(declarations), given.ToDictionary(g => g.Id, g => g.Value));

    [Fact]
    public void Resolve_UsesTheDefault_WhenNoValueIsGiven()
    {
        var resolution = Resolve(["{id: n, type: INT, defaults: 5}", "{id: s, type: STRING, defaults: hi}"]);

        Assert.Empty(resolution.Errors);
        Assert.Equal(5L, resolution.Inputs["n"]);
        Assert.Equal("hi", resolution.Inputs["s"]);
    }

    [Fact]
    public void Resolve_PrefersTheGivenValue_OverTheDefault()
    {
        Assert.Equal(9L, Resolve(["{id: n, type: INT, defaults: 5}"], ("n", "9")).Inputs["n"]);
    }

    [Fact]
    public void Resolve_UsesTheDefault_WhenAnEmptyTextIsGivenForANonStringInput()
    {
        Assert.Equal(5L, Resolve(["{id: n, type: INT, defaults: 5}"], ("n", "")).Inputs["n"]);
    }

    [Fact]
    public void Resolve_KeepsAnEmptyText_ForAStringInput()
    {
        Assert.Equal("", Resolve(["{id: s, type: STRING, defaults: hi}"], ("s", "")).Inputs["s"]);
    }

    [Fact]
    public void Resolve_RefusesAMissingRequiredInput_SayingHowToGiveIt()
    {
        var error = Assert.Single(Resolve(["{id: name, type: STRING}"]).Errors);

        Assert.Equal("input 'name' (STRING) is required; give it with --input name=VALUE", error);
    }

    [Fact]
    public void Resolve_GivesNull_ForAMissingOptionalInput()
    {
        var resolution = Resolve(["{id: name, type: STRING, required: false}"]);

        Assert.Empty(resolution.Errors);
        Assert.True(resolution.Inputs.ContainsKey("name"));
        Assert.Null(resolution.Inputs["name"]);
    }

    [Fact]
    public void Resolve_ValidatesTheDefault_LikeAGivenValue()
    {
        var error = Assert.Single(Resolve(["{id: n, type: INT, min: 10, defaults: 5}"]).Errors);

        Assert.Contains("5 is less than the minimum 10", error, StringComparison.Ordinal);
    }

    [Fact]
    public void Resolve_NestsDottedIds()
    {
        var resolution = Resolve(["{id: db.host, type: STRING}", "{id: db.port, type: INT}", "{id: db.auth.user, type: STRING, defaults: ann}"], ("db.host", "h"), ("db.port", "5432"));

        Assert.Empty(resolution.Errors);
        var db = Assert.IsType<Dictionary<string, object?>>(resolution.Inputs["db"]);
        Assert.Equal("h", db["host"]);
        Assert.Equal(5432L, db["port"]);
        Assert.Equal("ann", Assert.IsType<Dictionary<string, object?>>(db["auth"])["user"]);
    }

    [Fact]
    public void Resolve_IgnoresAnUnknownInput_WithAWarningSuggestingTheClosestDeclaredOne()
    {
        var resolution = Resolve(["{id: name, type: STRING, defaults: x}"], ("nmae", "ann"));

        Assert.True(resolution.IsValid);
        Assert.Equal("x", resolution.Inputs["name"]);
        Assert.False(resolution.Inputs.ContainsKey("nmae"));
        Assert.Equal("input 'nmae' is ignored: the flow has no such input; did you mean 'name'? (declared: name)", Assert.Single(resolution.Warnings));
    }

    [Fact]
    public void Resolve_IgnoresAnInput_WhenTheFlowDeclaresNone()
    {
        var flow = Engine.TestFlows.Load("tasks:\n  - {id: a, type: Return}");

        var resolution = InputResolver.Resolve(flow, new Dictionary<string, object?> { ["x"] = "1" });

        Assert.True(resolution.IsValid);
        Assert.Equal("input 'x' is ignored: the flow declares no inputs", Assert.Single(resolution.Warnings));
    }

    [Fact]
    public void Resolve_ReportsEveryBadInput_OneMessageEach()
    {
        var resolution = Resolve(
            ["{id: a, type: INT}", "{id: b, type: BOOL}", "{id: c, type: STRING}", "{id: d, type: STRING, defaults: ok}"],
            ("a", "x"), ("b", "maybe"), ("zz", "1"));

        Assert.Equal(3, resolution.Errors.Count);
        Assert.Single(resolution.Errors, e => e.StartsWith("input 'a' (INT): ", StringComparison.Ordinal));
        Assert.Single(resolution.Errors, e => e.StartsWith("input 'b' (BOOL): ", StringComparison.Ordinal));
        Assert.Single(resolution.Errors, e => e.StartsWith("input 'c' (STRING) is required", StringComparison.Ordinal));
        Assert.StartsWith("input 'zz' is ignored: ", Assert.Single(resolution.Warnings), StringComparison.Ordinal);
    }
}
