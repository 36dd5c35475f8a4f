using System.Text.Json;
using Harrier.Core.Expressions;

namespace Harrier.Core.Tests.Expressions;

/// <summary>The engine and the variables every expression test renders against.</summary>
internal static class TemplateFixture
{
    public static readonly TemplateEngine Templates = new();

    public static Dictionary<string, object?> Variables() => new()
    {
        ["workingDir"] = "/tmp/wd",
        ["inputs"] = new Dictionary<string, object?>
        {
            ["date"] = "2024-03-15T10:30:00Z",
            ["name"] = "World",
            ["n"] = 5,
            ["price"] = 3.65,
            ["list"] = new List<object?> { 3L, 1L, 2L },
            ["words"] = new[] { "a", "b", "c" },
            ["map"] = new Dictionary<string, object?> { ["a"] = 1L, ["b"] = 2L },
            ["empty"] = string.Empty,
            ["nothing"] = null,
            ["flag"] = true,
            ["json"] = JsonDocument.Parse("""{"x":{"y":[10,20]},"s":"t"}""").RootElement.Clone(),
        },
        ["outputs"] = new Dictionary<string, object?>
        {
            ["prev"] = new Dictionary<string, object?> { ["vars"] = new Dictionary<string, object?> { ["n"] = 42L } },
        },
        ["users"] = new List<object?>
        {
            new Dictionary<string, object?> { ["name"] = "ann", ["age"] = 31L },
            new Dictionary<string, object?> { ["name"] = "bob", ["age"] = 25L },
        },
    };

    public static TemplateContext Context() => new(Variables(), new FakeExpressionServices());

    public static string Render(string template) => Templates.Compile(template).Render(Context());

    public static object? Evaluate(string template) => Templates.Compile(template).Evaluate(Context());
}
