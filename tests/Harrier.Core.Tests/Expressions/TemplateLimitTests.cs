using Harrier.Core.Expressions;

namespace Harrier.Core.Tests.Expressions;

/// <summary>
/// Hostile or runaway templates end in a clear, positioned error: nesting is bounded at parse time (no stack
/// overflow), a rendering's loop iterations, text length and time are bounded (no out-of-memory, no endless render).
/// </summary>
public sealed class TemplateLimitTests
{
    private static readonly TemplateEngine Engine = new();

    [Theory]
    [InlineData("(", ")", 4_000)]
    [InlineData("[", "]", 10_000)]
    [InlineData("{'a': ", "}", 5_000)]
    [InlineData("max(", ")", 5_000)]
    [InlineData("not ", "", 20_000)]
    [InlineData("-", "", 20_000)]
    public void DeeplyNestedExpression_IsASyntaxErrorAtItsPosition_NotAStackOverflow(string open, string close, int depth)
    {
        var template = "{{ " + string.Concat(Enumerable.Repeat(open, depth)) + "1" + string.Concat(Enumerable.Repeat(close, depth)) + " }}";

        var error = Assert.Throws<TemplateSyntaxException>(() => Engine.Compile(template));

        Assert.StartsWith("The expression nests deeper than 100 levels", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
        Assert.True(error.Column > 3, $"column {error.Column}");
    }

    [Fact]
    public void ChainedCoalesceAndTernaries_AreBoundedToo()
    {
        var coalesce = "{{ " + string.Join(" ?? ", Enumerable.Repeat("a", 20_000)) + " }}";
        var ternary = "{{ " + string.Concat(Enumerable.Repeat("a ? 1 : ", 20_000)) + "2 }}";

        Assert.Contains("nests deeper than 100 levels", Assert.Throws<TemplateSyntaxException>(() => Engine.Compile(coalesce)).Reason, StringComparison.Ordinal);
        Assert.Contains("nests deeper than 100 levels", Assert.Throws<TemplateSyntaxException>(() => Engine.Compile(ternary)).Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(" ~ 'x'")]
    [InlineData(" + 1")]
    [InlineData(" * 1")]
    [InlineData(" or true")]
    [InlineData(" and true")]
    [InlineData(" == 1")]
    [InlineData(" is defined")]
    [InlineData(" | upper")]
    [InlineData(".a")]
    [InlineData("[0]")]
    public void LongChains_WhoseTreeWouldBeAsDeep_AreASyntaxError_NotAStackOverflowWhenEvaluated(string link)
    {
        var template = "{{ a" + string.Concat(Enumerable.Repeat(link, 100_000)) + " }}";

        var error = Assert.Throws<TemplateSyntaxException>(() => Engine.Compile(template));

        Assert.StartsWith("The expression nests deeper than 100 levels", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ChainsUpToTheLimit_AndLongListsOfSiblings_StillRender()
    {
        var context = new TemplateContext(new Dictionary<string, object?> { ["a"] = "a" });

        Assert.Equal(new string('x', 90), Engine.Render("{{ ''" + string.Concat(Enumerable.Repeat(" ~ 'x'", 90)) + " }}", context));
        Assert.Equal("100000", Engine.Render("{{ [" + string.Join(", ", Enumerable.Repeat("1", 100_000)) + "] | length }}", context));
    }

    [Theory]
    [InlineData("(", ".", ")", "nests deeper than 100 levels of brackets")]
    [InlineData("[", ".", "]", "nests deeper than 100 levels of brackets")]
    [InlineData("", ".", " | .", "has more than 1000 steps")]
    [InlineData("", ".", ", .", "has more than 1000 steps")]
    [InlineData("", ".", ".a", "has more than 1000 steps")]
    public void HostileJqQueries_AreRefusedWithASentence_NotAStackOverflow(string open, string middle, string close, string expected)
    {
        var query = string.Concat(Enumerable.Repeat(open, 50_000)) + middle + string.Concat(Enumerable.Repeat(close, 50_000));
        var context = new TemplateContext(new Dictionary<string, object?> { ["q"] = query });

        var error = Assert.Throws<TemplateRenderException>(() => Engine.Render("{{ 1 | jq(q) }}", context));

        Assert.Contains(expected, error.Reason, StringComparison.Ordinal);
        Assert.True(error.Reason.Length < 500, "the error quotes the whole query");
    }

    [Theory]
    [InlineData("yaml")]
    [InlineData("fromJson")]
    public void ParsingADeeplyNestedText_FailsWithASentence_NotAStackOverflow(string function)
    {
        var context = new TemplateContext(new Dictionary<string, object?> { ["text"] = new string('[', 100_000) + new string(']', 100_000) });

        var error = Assert.Throws<TemplateRenderException>(() => Engine.Render("{{ " + function + "(text) | length }}", context));

        Assert.Contains("depth", error.Reason.Replace("deep", "depth", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void DeeplyNestedTags_AreASyntaxError_NotAStackOverflow()
    {
        var template = string.Concat(Enumerable.Repeat("{% if true %}", 10_000)) + "x" + string.Concat(Enumerable.Repeat("{% endif %}", 10_000));

        var error = Assert.Throws<TemplateSyntaxException>(() => Engine.Compile(template));

        Assert.StartsWith("Tags nest deeper than 100 levels", error.Reason, StringComparison.Ordinal);
        // At the 101st {% if %}, on its tag name.
        Assert.Equal((1, 1 + (100 * "{% if true %}".Length) + "{% ".Length), (error.Line, error.Column));
    }

    [Fact]
    public void NestingUpToTheLimit_StillRenders()
    {
        var template = "{{ " + string.Concat(Enumerable.Repeat("(", 90)) + "1 + 1" + string.Concat(Enumerable.Repeat(")", 90)) + " }}";

        Assert.Equal("2", Engine.Render(template, new TemplateContext(new Dictionary<string, object?>())));
    }

    [Fact]
    public void AHugeRange_FailsBeforeAnyItemIsMade()
    {
        var error = Assert.Throws<TemplateRenderException>(() => Render("{{ range(1, 100000000) | length }}"));

        Assert.Contains("went past 1,000,000 loop iterations and range items (TemplateEngineOptions.MaxLoopIterations)", error.Reason, StringComparison.Ordinal);
        Assert.Throws<TemplateRenderException>(() => Render("{{ (1..100000000) | length }}"));
    }

    [Fact]
    public void NestedLoopsPrintingTenToTheTenCharacters_FailOnTheIterationLimit()
    {
        var error = Assert.Throws<TemplateRenderException>(() => Render(
            "{% for i in range(1, 100000) %}{% for j in range(1, 100000) %}x{% endfor %}{% endfor %}"));

        Assert.Contains("loop iterations", error.Reason, StringComparison.Ordinal);
        Assert.Equal(1, error.Line);
    }

    [Fact]
    public void DoublingATextInALoop_FailsOnTheLengthLimit_BeforeRunningOutOfMemory()
    {
        var error = Assert.Throws<TemplateRenderException>(() => Render(
            "{% set s = 'xxxxxxxxxxxxxxxx' %}{% for i in range(1, 64) %}{% set s = s ~ s %}{% endfor %}{{ s | length }}"));

        Assert.Contains("would produce more than 67,108,864 characters (TemplateEngineOptions.MaxOutputLength)", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void AHugeIndent_FailsOnTheLengthLimit()
    {
        var error = Assert.Throws<TemplateRenderException>(() => Render("{{ 'a\nb\nc' | indent(2000000000) }}"));

        Assert.Contains("MaxOutputLength", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void TheLimits_AreConfigurable_AndTimeIsBoundedToo()
    {
        var strict = new TemplateEngine(new TemplateEngineOptions { MaxLoopIterations = 10, MaxOutputLength = 5, MaxRenderTime = TimeSpan.Zero });
        var context = new TemplateContext(new Dictionary<string, object?>());

        Assert.Contains("10 loop iterations", Assert.Throws<TemplateRenderException>(() => strict.Render("{{ range(1, 11) | length }}", context)).Reason, StringComparison.Ordinal);
        Assert.Contains("more than 5 characters", Assert.Throws<TemplateRenderException>(() => strict.Render("{{ 'abcdef' }}", context)).Reason, StringComparison.Ordinal);
        var slow = new TemplateEngine(new TemplateEngineOptions { MaxRenderTime = TimeSpan.Zero });
        Assert.Contains("took longer than 0 s (TemplateEngineOptions.MaxRenderTime)", Assert.Throws<TemplateRenderException>(() => slow.Render("{% for i in [1, 2] %}{{ i }}{% endfor %}", context)).Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void RenderCalls_ShareTheirRenderingsBudget()
    {
        var strict = new TemplateEngine(new TemplateEngineOptions { MaxLoopIterations = 20 });
        var context = new TemplateContext(new Dictionary<string, object?> { ["inner"] = "{% for i in range(1, 10) %}.{% endfor %}" });

        Assert.Equal("..........", strict.Render("{{ render(inner) }}", context));
        Assert.Throws<TemplateRenderException>(() => strict.Render("{{ render(inner) }}{{ render(inner) }}", context));
    }

    private static string Render(string template) => Engine.Render(template, new TemplateContext(new Dictionary<string, object?>()));

    [Fact]
    public void ARenderingStopsAtItsNextLoopIteration_OnceItsCancellationIsRequested()
    {
        using var stop = new CancellationTokenSource();
        var context = new TemplateContext(new Dictionary<string, object?>()) { Cancellation = stop.Token };
        var template = Engine.Compile("{% for i in range(1, 100) %}{{ i }}{% endfor %}");
        Assert.Equal(string.Concat(Enumerable.Range(1, 100)), template.Render(context));

        stop.Cancel();

        Assert.ThrowsAny<OperationCanceledException>(() => template.Render(context));
    }
}
