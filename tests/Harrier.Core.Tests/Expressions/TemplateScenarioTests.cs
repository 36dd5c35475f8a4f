using Harrier.Core.Expressions;
using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

/// <summary>Templates as they appear in real flows: multi-line scripts, nested blocks, chained filters.</summary>
public class TemplateScenarioTests
{
    [Theory]
    [InlineData("python {{ workingDir }}/main.py --date {{ inputs.date | date('yyyy-MM-dd') }} --n {{ outputs.prev.vars.n }}",
        "python /tmp/wd/main.py --date 2024-03-15 --n 42")]
    [InlineData("#!/bin/bash\nset -e\necho '{{ inputs.name }}'\n{% for u in users %}\necho {{ u.name }}\n{% endfor %}\n",
        "#!/bin/bash\nset -e\necho 'World'\n\necho ann\n\necho bob\n\n")]
    [InlineData("{%- for u in users -%}\n{{ u.name }}{% if not loop.last %},{% endif %}\n{%- endfor -%}", "ann,bob")]
    [InlineData("{{ users | jq('.[].age') | sort | join('+') }}", "25+31")]
    [InlineData("{{ inputs.words | join(',') | upper | split(',') | last }}", "C")]
    [InlineData("{{ (inputs.list | sort | last) * 10 }}", "30")]
    [InlineData("{{ inputs.map | toJson is json }}", "true")]
    [InlineData("{{ fromJson(inputs.map | toJson).b }}", "2")]
    // Pebble scoping: a set inside a loop body does not change the outer variable.
    [InlineData("{% set total = 0 %}{% for x in inputs.list %}{% set total = total + x %}{% endfor %}{{ total }}", "0")]
    [InlineData("{% if inputs.name == 'World' and inputs.n is odd %}ok{% endif %}", "ok")]
    [InlineData("{{ inputs.name | default('x') | lower | capitalize }}", "World")]
    [InlineData("{{ inputs.date | dateAdd(-1, 'DAYS') | date('yyyy-MM-dd') ~ '.csv' }}", "2024-03-14.csv")]
    [InlineData("{{ {'k': inputs.n, 'l': inputs.list} | toIon }}", "{k:5,l:[3,1,2]}")]
    [InlineData("{{ 'a' ~ (inputs.missing ?? '-') ~ 'b' }}", "a-b")]
    [InlineData("{{ inputs.words[1:] is defined }}", "")]
    public void Render_HandlesFlowScenarios(string template, string expected)
    {
        if (expected.Length == 0)
        {
            // Slices are not Pebble syntax: they must fail at compile time rather than render something odd.
            Assert.Throws<TemplateSyntaxException>(() => Templates.Compile(template));
            return;
        }

        Assert.Equal(expected, Render(template));
    }

    [Fact]
    public void Renderer_SeamRendersAndEvaluatesThroughTheCache()
    {
        Harrier.Core.Rendering.ITemplateRenderer renderer = new Harrier.Core.Rendering.TemplateRenderer(new TemplateEngine());
        var scope = new Harrier.Core.Rendering.RenderScope(new Dictionary<string, object?>());
        Assert.Equal("6", renderer.Render("{{ 2 * 3 }}", scope));
        Assert.Equal(6L, renderer.Evaluate("{{ 2 * 3 }}", scope));
    }

    [Fact]
    public void Render_ReportsPositionInsideMultiLineTemplate()
    {
        const string template = "echo start\n{% for u in users %}\n  echo {{ u.nmae }}\n{% endfor %}";
        var error = Assert.Throws<TemplateRenderException>(() => Render(template));
        Assert.Equal("Undefined variable 'u.nmae' (did you mean 'name'?) at line 3, column 11", error.Message);
    }
}
