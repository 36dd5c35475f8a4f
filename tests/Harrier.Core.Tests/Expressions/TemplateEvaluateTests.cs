using Harrier.Core.Expressions;
using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

public class TemplateEvaluateTests
{
    public static TheoryData<string, object?> TypedValues => new()
    {
        { "{{ 42 }}", 42L },
        { "  {{ 1 + 2 }}\n", 3L },
        { "{{ 3.5 }}", 3.5 },
        { "{{ inputs.n }}", 5L },
        { "{{ inputs.price }}", 3.65 },
        { "{{ true }}", true },
        { "{{ inputs.n > 3 }}", true },
        { "{{ null }}", null },
        { "{{ inputs.nothing }}", null },
        { "{{ 'text' }}", "text" },
        { "{{ inputs.name }}", "World" },
        { "{{ '5' | number }}", 5L },
        { "{{ inputs.json.x.y[0] }}", 10L },
        { "value {{ 1 }}", "value 1" },
        { "{{ 1 }}{{ 2 }}", "12" },
        { "no expression", "no expression" },
        { "", "" },
    };

    [Theory]
    [MemberData(nameof(TypedValues))]
    public void Evaluate_ReturnsTypedValueForSingleExpression(string template, object? expected) =>
        Assert.Equal(expected, Evaluate(template));

    [Fact]
    public void Evaluate_ReturnsListsAndMapsAsValues()
    {
        var list = Assert.IsType<List<object?>>(Evaluate("{{ [1, 'a'] }}"));
        Assert.Equal([1L, "a"], list);
        var map = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Evaluate("{{ {'k': true} }}"));
        Assert.Equal(true, map["k"]);
        var fromJson = Assert.IsAssignableFrom<IReadOnlyDictionary<string, object?>>(Evaluate("{{ inputs.json }}"));
        Assert.Equal("t", fromJson["s"]);
    }

    [Theory]
    [InlineData("{{ x }}", true)]
    [InlineData("  {{ x | upper }}  ", true)]
    [InlineData("a{{ x }}", false)]
    [InlineData("{{ x }}{{ y }}", false)]
    [InlineData("{% if x %}{{ x }}{% endif %}", false)]
    [InlineData("text", false)]
    public void IsSingleExpression_RecognisesOneOutputTag(string template, bool expected) =>
        Assert.Equal(expected, Templates.Compile(template).IsSingleExpression);

    [Theory]
    [InlineData("{{ x }}", true)]
    [InlineData("a {% if x %}", true)]
    [InlineData("{# only a comment #}", false)]
    [InlineData("{ x }", false)]
    [InlineData("plain", false)]
    [InlineData("", false)]
    [InlineData("ends with {", false)]
    public void ContainsExpression_DetectsTags(string text, bool expected) =>
        Assert.Equal(expected, TemplateEngine.ContainsExpression(text));

    [Fact]
    public void GetOrCompile_ReturnsTheCachedTemplate()
    {
        var engine = new TemplateEngine();
        Assert.Same(engine.GetOrCompile("{{ a }}"), engine.GetOrCompile("{{ a }}"));
    }

    [Fact]
    public void Render_IsSafeAcrossThreads()
    {
        var template = Templates.Compile("{% for i in 1..3 %}{{ i * inputs.n }},{% endfor %}{{ inputs.name | upper }}");
        Parallel.For(0, 200, _ => Assert.Equal("5,10,15,WORLD", template.Render(Context())));
    }

    [Fact]
    public void Render_AcceptsClrShapesFromCallers()
    {
        var context = new TemplateContext(new Dictionary<string, object?>
        {
            ["ints"] = new[] { 1, 2 },
            ["decimal"] = 2.50m,
            ["float"] = 1.5f,
            ["legacy"] = new Dictionary<object, object> { ["k"] = "v" },
            ["date"] = new DateTimeOffset(2024, 1, 2, 3, 4, 5, 678, TimeSpan.Zero),
        });
        var result = Templates.Compile("{{ ints }} {{ ints[1] + 1 }} {{ decimal }} {{ float }} {{ legacy.k }} {{ date }}").Render(context);
        Assert.Equal("[1,2] 3 2.5 1.5 v 2024-01-02T03:04:05.678Z", result);
    }

    [Fact]
    public void ChildContext_ShadowsWithoutChangingTheParent()
    {
        var parent = new TemplateContext(new Dictionary<string, object?> { ["a"] = 1L });
        var child = parent.CreateChild();
        child.Set("a", 2L);
        Assert.True(parent.TryGetVariable("a", out var original));
        Assert.True(child.TryGetVariable("a", out var shadowed));
        Assert.Equal((1L, 2L), (original, shadowed));
    }
}
