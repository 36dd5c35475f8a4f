using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

public class DataFormatFilterTests
{
    [Theory]
    [InlineData("{{ inputs.map | toJson }}", "{\"a\":1,\"b\":2}")]
    [InlineData("{{ 'x\"y' | toJson }}", "\"x\\\"y\"")]
    [InlineData("{{ 'é\n' | toJson }}", "\"é\\n\"")]
    [InlineData("{{ 3.5 | toJson }}", "3.5")]
    [InlineData("{{ null | toJson }}", "null")]
    [InlineData("{{ inputs.list | json }}", "[3,1,2]")]
    [InlineData("{{ {'a': 1, 'b c': 'x', 'd': [1.5, true, null]} | toIon }}", "{a:1,'b c':\"x\",d:[1.5e0,true,null]}")]
    [InlineData("{{ 'text' | toIon }}", "\"text\"")]
    [InlineData("{{ {'a': 1, 'b': ['x', 'y']} | yaml }}", "a: 1\nb:\n- x\n- y\n")]
    [InlineData("{{ inputs.json | jq('.x.y') }}", "[[10,20]]")]
    [InlineData("{{ inputs.json | jq('.x.y[0]') | first }}", "10")]
    [InlineData("{{ inputs.json | jq('.x.y[]') }}", "[10,20]")]
    [InlineData("{{ inputs.json | jq('.x.y[-1]') }}", "[20]")]
    [InlineData("{{ inputs.json | jq('.s') | first }}", "t")]
    [InlineData("{{ inputs.json | jq('.') | first | toJson }}", "{\"x\":{\"y\":[10,20]},\"s\":\"t\"}")]
    [InlineData("{{ inputs.json | jq('.missing') }}", "[null]")]
    [InlineData("{{ inputs.json | jq('keys') }}", "[[\"s\",\"x\"]]")]
    [InlineData("{{ inputs.json | jq('.x.y | length') }}", "[2]")]
    [InlineData("{{ users | jq('.[] | select(.age > 30) | .name') }}", "[\"ann\"]")]
    [InlineData("{{ users | jq('.[].name') }}", "[\"ann\",\"bob\"]")]
    [InlineData("{{ users | jq('map(.age)') | first }}", "[31,25]")]
    [InlineData("{{ users | jq('[.[] | .age] | add') | first }}", "56")]
    [InlineData("{{ users | jq('.[0][\"name\"]') | first }}", "ann")]
    [InlineData("{{ users | jq('.[] | select(.name == \"bob\") | .age') | first }}", "25")]
    [InlineData("{{ '{\"a\":{\"b\":3}}' | jq('.a.b') | first }}", "3")]
    [InlineData("{{ inputs.map | jq('.a, .b') }}", "[1,2]")]
    [InlineData("{{ inputs.map | jq('.a | type') | first }}", "number")]
    public void Render_SerialisesAndQueriesData(string template, string expected) =>
        Assert.Equal(expected, Render(template));
}
