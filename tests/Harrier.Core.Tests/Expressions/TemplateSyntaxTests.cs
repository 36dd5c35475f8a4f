using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

public class TemplateSyntaxTests
{
    [Theory]
    [InlineData("", "")]
    [InlineData("plain text", "plain text")]
    [InlineData("line1\nline2\n", "line1\nline2\n")]
    [InlineData("{ not a tag }", "{ not a tag }")]
    [InlineData("a { b", "a { b")]
    [InlineData("{{ workingDir }}", "/tmp/wd")]
    [InlineData("python {{ workingDir }}/main.py", "python /tmp/wd/main.py")]
    [InlineData("{{workingDir}}", "/tmp/wd")]
    [InlineData("{{ inputs.name }}!", "World!")]
    [InlineData("{{ outputs.prev.vars.n }}", "42")]
    [InlineData("{{ inputs['name'] }}", "World")]
    [InlineData("{{ inputs[\"name\"] }}", "World")]
    [InlineData("{{ inputs.list[0] }}", "3")]
    [InlineData("{{ inputs.list.1 }}", "1")]
    [InlineData("{{ inputs.words[2] }}", "c")]
    [InlineData("{{ users[1].name }}", "bob")]
    [InlineData("{{ inputs.json.x.y[1] }}", "20")]
    [InlineData("{{ inputs.json.s }}", "t")]
    [InlineData("{{ inputs.list }}", "[3,1,2]")]
    [InlineData("{{ inputs.map }}", "{\"a\":1,\"b\":2}")]
    [InlineData("{{ inputs.json }}", "{\"x\":{\"y\":[10,20]},\"s\":\"t\"}")]
    [InlineData("{{ inputs.flag }}", "true")]
    [InlineData("{{ inputs.nothing }}", "")]
    [InlineData("optional: [{{ inputs.nothing }}]", "optional: []")]
    [InlineData("{{ inputs.price }}", "3.65")]
    [InlineData("{{ inputs.n }}", "5")]
    [InlineData("{{ 30.0 }}", "30.0")]
    [InlineData("{# a comment #}x", "x")]
    [InlineData("a{# multi\nline {{ comment }} #}b", "ab")]
    [InlineData("{% raw %}{{ not rendered }}{% endraw %}", "{{ not rendered }}")]
    [InlineData("{% raw %}{% if %}{% endraw %}!", "{% if %}!")]
    [InlineData("a\n{{ 1 }}\nb", "a\n1\nb")]
    public void Render_OutputsTextAndValues(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("a  {{- 1 }}  b", "a1  b")]
    [InlineData("a  {{ 1 -}}  b", "a  1b")]
    [InlineData("a \n {{- 1 -}} \n b", "a1b")]
    [InlineData("x\n{%- if true %}y{% endif %}", "xy")]
    [InlineData("{% if true -%}\n  y\n{%- endif %}", "y")]
    [InlineData("a \n{#- c -#}\n b", "ab")]
    [InlineData("{% for i in [1,2] -%}\n {{ i }}\n{%- endfor %}", "12")]
    [InlineData("{% raw -%}  x  {%- endraw %}", "x")]
    [InlineData("a\n{% if true %}\nb\n{% endif %}\nc", "a\n\nb\n\nc")]
    public void Render_AppliesWhitespaceControl(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{% if true %}yes{% endif %}", "yes")]
    [InlineData("{% if false %}yes{% endif %}", "")]
    [InlineData("{% if false %}a{% else %}b{% endif %}", "b")]
    [InlineData("{% if inputs.n > 10 %}big{% elseif inputs.n > 3 %}mid{% else %}small{% endif %}", "mid")]
    [InlineData("{% if inputs.n > 10 %}big{% elseif inputs.n > 7 %}mid{% else %}small{% endif %}", "small")]
    [InlineData("{% if inputs.empty %}x{% else %}empty{% endif %}", "empty")]
    [InlineData("{% if inputs.list %}some{% endif %}", "some")]
    [InlineData("{% if inputs.nothing %}x{% else %}null{% endif %}", "null")]
    [InlineData("{% if 'false' %}x{% else %}falsy{% endif %}", "falsy")]
    [InlineData("{% if 0 %}x{% else %}zero{% endif %}", "zero")]
    [InlineData("{% if inputs.missing is defined %}x{% else %}undefined{% endif %}", "undefined")]
    [InlineData("{% if true %}{% if false %}a{% else %}b{% endif %}{% endif %}", "b")]
    public void Render_ChoosesIfBranch(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{% for x in inputs.list %}{{ x }},{% endfor %}", "3,1,2,")]
    [InlineData("{% for x in inputs.list %}{{ loop.index }}{% endfor %}", "012")]
    [InlineData("{% for x in inputs.list %}{{ loop.revindex }}{% endfor %}", "210")]
    [InlineData("{% for x in inputs.list %}{{ loop.length }}{% endfor %}", "333")]
    [InlineData("{% for x in inputs.list %}{% if loop.first %}[{% endif %}{{ x }}{% if loop.last %}]{% else %},{% endif %}{% endfor %}", "[3,1,2]")]
    [InlineData("{% for x in [] %}a{% else %}none{% endfor %}", "none")]
    [InlineData("{% for x in inputs.nothing %}a{% else %}none{% endfor %}", "none")]
    [InlineData("{% for e in inputs.map %}{{ e.key }}={{ e.value }};{% endfor %}", "a=1;b=2;")]
    [InlineData("{% for k, v in inputs.map %}{{ k }}={{ v }};{% endfor %}", "a=1;b=2;")]
    [InlineData("{% for i in 1..3 %}{{ i }}{% endfor %}", "123")]
    [InlineData("{% for u in users %}{{ u.name }}:{{ u.age }} {% endfor %}", "ann:31 bob:25 ")]
    [InlineData("{% for i in [1,2] %}{% for j in ['a','b'] %}{{ i }}{{ j }} {% endfor %}{% endfor %}", "1a 1b 2a 2b ")]
    [InlineData("{% for i in [1,2] %}{% for j in [1] %}{{ loop.index }}{% endfor %}{{ loop.index }}{% endfor %}", "0001")]
    [InlineData("{% for w in inputs.words %}{{ w | upper }}{% endfor %}", "ABC")]
    [InlineData("{% for x in [1,2,3] %}{% if x is even %}{{ x }}{% endif %}{% endfor %}", "2")]
    public void Render_IteratesForLoops(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Theory]
    [InlineData("{% set x = 5 %}{{ x * 2 }}", "10")]
    [InlineData("{% set name = inputs.name | lower %}hi {{ name }}", "hi world")]
    [InlineData("{% set m = {'a': [1, 2]} %}{{ m.a[1] }}", "2")]
    [InlineData("{% set x = 1 %}{% for i in [1] %}{% set x = 2 %}{{ x }}{% endfor %}{{ x }}", "21")]
    [InlineData("{% set inputs = 'shadow' %}{{ inputs }}", "shadow")]
    public void Render_SetsVariables(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void Render_DoesNotLeakSetVariablesIntoTheCallersContext()
    {
        var context = Context();
        Templates.Compile("{% set leaked = 1 %}").Render(context);
        Assert.False(context.TryGetVariable("leaked", out _));
    }
}
