using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

public class CollectionFilterTests
{
    [Theory]
    [InlineData("{{ inputs.missing | default('d') }}", "d")]
    [InlineData("{{ inputs.nothing | default('d') }}", "d")]
    [InlineData("{{ inputs.empty | default('d') }}", "d")]
    [InlineData("{{ [] | default('d') }}", "d")]
    [InlineData("{{ inputs.name | default('d') }}", "World")]
    [InlineData("{{ nope.deep | default('d') }}", "d")]
    [InlineData("{{ inputs.missing | default(inputs.name) }}", "World")]
    [InlineData("{{ 0 | default(5) }}", "0")]
    [InlineData("{{ inputs.list | length }}", "3")]
    [InlineData("{{ inputs.map | length }}", "2")]
    [InlineData("{{ 'abcd' | length }}", "4")]
    [InlineData("{{ inputs.nothing | length }}", "0")]
    [InlineData("{{ inputs.words | join(',') }}", "a,b,c")]
    [InlineData("{{ inputs.list | join }}", "312")]
    [InlineData("{{ inputs.list | join(' - ') }}", "3 - 1 - 2")]
    [InlineData("{{ inputs.list | first }}", "3")]
    [InlineData("{{ inputs.list | last }}", "2")]
    [InlineData("{{ 'abc' | first }}", "a")]
    [InlineData("{{ 'abc' | last }}", "c")]
    [InlineData("{{ [] | first }}", "")]
    [InlineData("{{ inputs.list | slice(1, 3) }}", "[1,2]")]
    [InlineData("{{ inputs.list | slice(1) }}", "[1,2]")]
    [InlineData("{{ 'abcdef' | slice(2, 4) }}", "cd")]
    [InlineData("{{ 'abcdef' | slice(toIndex=2) }}", "ab")]
    [InlineData("{{ inputs.list | sort }}", "[1,2,3]")]
    [InlineData("{{ ['b', 'a', 'c'] | sort }}", "[\"a\",\"b\",\"c\"]")]
    [InlineData("{{ inputs.list | rsort }}", "[3,2,1]")]
    [InlineData("{{ inputs.list | reverse }}", "[2,1,3]")]
    [InlineData("{{ 'abc' | reverse }}", "cba")]
    [InlineData("{{ inputs.map | keys }}", "[\"a\",\"b\"]")]
    [InlineData("{{ inputs.map | values }}", "[1,2]")]
    [InlineData("{{ [[1, 2], [3], 4] | flatten }}", "[1,2,3,4]")]
    [InlineData("{{ [1, 2, 3, 4, 5] | chunk(2) }}", "[[1,2],[3,4],[5]]")]
    [InlineData("{{ [1, 2] | merge([3]) }}", "[1,2,3]")]
    [InlineData("{{ {'a': 1} | merge({'b': 2}) }}", "{\"a\":1,\"b\":2}")]
    [InlineData("{{ [1, 2, 1, 3, 2] | distinct }}", "[1,2,3]")]
    [InlineData("{{ inputs.list | sort | first }}", "1")]
    [InlineData("{{ users | length }}", "2")]
    public void Render_AppliesCollectionFilters(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{{ -5 | abs }}", "-5")]
    [InlineData("{{ (-5.5) | abs }}", "5.5")]
    [InlineData("{{ '42' | number }}", "42")]
    [InlineData("{{ '42' | number + 1 }}", "43")]
    [InlineData("{{ '3.25' | number }}", "3.25")]
    [InlineData("{{ '7' | number('DOUBLE') }}", "7.0")]
    [InlineData("{{ '7.9' | number('INT') }}", "7")]
    [InlineData("{{ '12' | number('LONG') }}", "12")]
    [InlineData("{{ 1234.5678 | numberFormat('#,##0.00') }}", "1,234.57")]
    [InlineData("{{ 3.14159 | numberFormat('0.0') }}", "3.1")]
    [InlineData("{{ 2.567 | round(2) }}", "2.57")]
    [InlineData("{{ 2.5 | round }}", "3")]
    [InlineData("{{ 2.4 | round }}", "2")]
    [InlineData("{{ 2.21 | round(1, 'CEILING') }}", "2.3")]
    [InlineData("{{ 2.29 | round(1, 'FLOOR') }}", "2.2")]
    [InlineData("{{ 7 | round }}", "7")]
    public void Render_AppliesNumberFilters(string template, string expected) =>
        Assert.Equal(expected, Render(template));
}
