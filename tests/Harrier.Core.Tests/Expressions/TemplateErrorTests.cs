using Harrier.Core.Expressions;
using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

public class TemplateErrorTests
{
    [Theory]
    [InlineData("--date {{ inputs.dat }}", "Undefined variable 'inputs.dat' (did you mean 'date'?)", 1, 11)]
    [InlineData("{{ nope }}", "Undefined variable 'nope'", 1, 4)]
    [InlineData("{{ inptus.name }}", "Undefined variable 'inptus' (did you mean 'inputs'?)", 1, 4)]
    [InlineData("{{ outputs.prev.vars.m }}", "Undefined variable 'outputs.prev.vars.m' (did you mean 'n'?)", 1, 4)]
    [InlineData("{{ outputs.prev.x.y }}", "Undefined variable 'outputs.prev.x'", 1, 4)]
    [InlineData("{{ inputs['nme'] }}", "Undefined variable 'inputs['nme']' (did you mean 'name'?)", 1, 4)]
    [InlineData("{{ inputs.list[5] }}", "Undefined variable 'inputs.list[5]'", 1, 4)]
    [InlineData("{{ inputs.nothing.child }}", "Undefined variable 'inputs.nothing.child': 'inputs.nothing' is null", 1, 4)]
    [InlineData("a\nb {{ x }}", "Undefined variable 'x'", 2, 6)]
    [InlineData("line1\n  line2\n\t{{ 1 + missing }}", "Undefined variable 'missing'", 3, 9)]
    [InlineData("{% if a %}x{% endif %}", "Undefined variable 'a'", 1, 7)]
    [InlineData("{% for x in items %}{% endfor %}", "Undefined variable 'items'", 1, 13)]
    [InlineData("{% for x in [1] %}{{ y }}{% endfor %}", "Undefined variable 'y'", 1, 22)]
    [InlineData("{{ inputs.missing | upper }}", "Undefined variable 'inputs.missing'", 1, 4)]
    [InlineData("{{ inputs.missing ??? inputs.nothing.x }}", "Undefined variable 'inputs.nothing.x': 'inputs.nothing' is null", 1, 23)]
    [InlineData("{{ 'a' + 1 }}", "Operator '+' needs numbers but got a string and an integer; use '~' to concatenate text", 1, 4)]
    [InlineData("{{ 1 / 0 }}", "Division by zero", 1, 4)]
    [InlineData("{{ 'x' < 1 }}", "Cannot compare a string with an integer", 1, 4)]
    [InlineData("{{ 'abc' | number }}", "number: 'abc' is not a number", 1, 12)]
    [InlineData("{{ 'x' | date('yyyy') }}", "date: 'x' is not an ISO 8601 date; pass existingFormat to parse other formats", 1, 10)]
    [InlineData("{{ inputs.date | dateAdd(1, 'FORTNIGHTS') }}", "dateAdd: unknown unit 'FORTNIGHTS'; use SECONDS, MINUTES, HOURS, DAYS, WEEKS, MONTHS or YEARS", 1, 18)]
    [InlineData("{{ secret('NOPE') }}", "secret: Secret 'NOPE' not found", 1, 4)]
    [InlineData("{{ fromJson('{bad') }}", "fromJson: Invalid JSON", 1, 4)]
    [InlineData("{{ 5 | join }}", "join: expects a list but got an integer", 1, 8)]
    [InlineData("{{ 'a' | escapeChar('xml') }}", "escapeChar: unknown type 'xml'; use 'single', 'double' or 'shell'", 1, 10)]
    [InlineData("{% for x in 5 %}{% endfor %}", "Cannot iterate over an integer", 1, 13)]
    [InlineData("{{ -'a' }}", "Unary '-' needs a number but got a string", 1, 4)]
    [InlineData("{{ 'a' is even }}", "Expected an integer but got a string", 1, 4)]
    [InlineData("{{ {'a': 1} | jq('.a.b') }}", "jq: jq: cannot index an integer with \"b\"", 1, 15)]
    public void Render_ReportsErrorsWithPosition(string template, string message, int line, int column)
    {
        var error = Assert.Throws<TemplateRenderException>(() => Render(template));
        Assert.StartsWith(message, error.Reason, StringComparison.Ordinal);
        Assert.Equal((line, column), (error.Line, error.Column));
        Assert.EndsWith($" at line {line}, column {column}", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{{ x | uper }}", "Unknown filter 'uper' (did you mean 'upper'?)", 1, 8)]
    [InlineData("{{ x | toJSON }}", "Unknown filter 'toJSON' (did you mean 'toJson'?)", 1, 8)]
    [InlineData("{{ nw() }}", "Unknown function 'nw' (did you mean 'now'?)", 1, 4)]
    [InlineData("{{ x | completelyunknown }}", "Unknown filter 'completelyunknown'", 1, 8)]
    [InlineData("{{ x is defind }}", "Unknown test 'defind' (did you mean 'defined'?)", 1, 9)]
    [InlineData("{{ x", "Unclosed tag: expected '}}' before the end of the template", 1, 1)]
    [InlineData("abc\n  {{ x ", "Unclosed tag: expected '}}' before the end of the template", 2, 3)]
    [InlineData("{% if true %}", "Missing {% endif %} for this {% if %}", 1, 4)]
    [InlineData("{% if true %}{% else %}", "Missing {% endif %} for this {% if %}", 1, 4)]
    [InlineData("{% for x in y %}", "Missing {% endfor %} for this {% for %}", 1, 4)]
    [InlineData("a{% endif %}", "Unexpected {% endif %} without a matching opening tag", 1, 5)]
    [InlineData("{% endfor %}", "Unexpected {% endfor %} without a matching opening tag", 1, 4)]
    [InlineData("{% iff x %}", "Unknown tag 'iff' (did you mean 'if'?)", 1, 4)]
    [InlineData("{% %}", "Expected a tag name after '{%'", 1, 4)]
    [InlineData("{{ }}", "Expected an expression", 1, 4)]
    [InlineData("{{ 1 + }}", "Expected an expression", 1, 8)]
    [InlineData("{{ 1 2 }}", "Unexpected '2'", 1, 6)]
    [InlineData("{{ 'abc }}", "Unterminated string literal", 1, 4)]
    [InlineData("{{ (1 + 2 }}", "Expected ')' but found end of tag '}}'", 1, 11)]
    [InlineData("{{ [1, 2 }}", "Expected ']' but found end of tag '}}'", 1, 10)]
    [InlineData("{{ a ? b }}", "Expected ':' but found end of tag '}}'", 1, 10)]
    [InlineData("{{ x # y }}", "Unexpected character '#'", 1, 6)]
    [InlineData("{# open comment", "Unclosed comment: expected '#}'", 1, 1)]
    [InlineData("{% raw %}never closed", "Missing {% endraw %} for {% raw %}", 1, 1)]
    [InlineData("{% set = 1 %}", "Expected a name but found '='", 1, 8)]
    [InlineData("{% for x of y %}{% endfor %}", "Expected 'in' but found 'of'", 1, 10)]
    [InlineData("{{ x | abbreviate }}", "'abbreviate' needs argument 'length'", 1, 8)]
    [InlineData("{{ x | upper(1) }}", "'upper' takes at most 0 argument(s)", 1, 8)]
    [InlineData("{{ x | date(formt='x') }}", "'date' has no argument 'formt' (did you mean 'format'?)", 1, 13)]
    [InlineData("{{ range(1) }}", "'range' needs argument 'end'", 1, 4)]
    [InlineData("{% if true %}x{% endif extra %}", "Unexpected 'extra'", 1, 24)]
    public void Compile_ReportsSyntaxErrorsWithPosition(string template, string message, int line, int column)
    {
        var error = Assert.Throws<TemplateSyntaxException>(() => Templates.Compile(template));
        Assert.Equal(message, error.Reason);
        Assert.Equal((line, column), (error.Line, error.Column));
    }
}
