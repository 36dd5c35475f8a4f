using Harrier.Core.Expressions;
using Xunit;
using static Harrier.Core.Tests.Expressions.TemplateFixture;

namespace Harrier.Core.Tests.Expressions;

public class FunctionTests
{
    [Theory]
    [InlineData("{{ range(1, 3) }}", "[1,2,3]")]
    [InlineData("{{ range(0, 10, 5) }}", "[0,5,10]")]
    [InlineData("{{ range(3, 1, -1) }}", "[3,2,1]")]
    [InlineData("{{ max(1, 5, 3) }}", "5")]
    [InlineData("{{ min(4, 2.5, 3) }}", "2.5")]
    [InlineData("{{ max(inputs.list) }}", "3")]
    [InlineData("{{ fromJson('{\"a\": [1, 2]}').a[1] }}", "2")]
    [InlineData("{{ json('[1,2]') | length }}", "2")]
    [InlineData("{{ yaml('a: 1\nb: [x, \"2\"]\nc: true') }}", "{\"a\":1,\"b\":[\"x\",\"2\"],\"c\":true}")]
    [InlineData("{{ render('{{ inputs.name }}') }}", "World")]
    [InlineData("{{ render(\"{{ '{{ inputs.name }}' }}\") }}", "World")]
    [InlineData("{{ renderOnce(\"{{ '{{ inputs.name }}' }}\") }}", "{{ inputs.name }}")]
    [InlineData("{{ render('plain') }}", "plain")]
    [InlineData("{{ render(5) }}", "5")]
    [InlineData("{% set tpl = 'n={{ inputs.n }}' %}{{ render(tpl) }}", "n=5")]
    [InlineData("{{ secret('API_KEY') }}", "s3cr3t")]
    [InlineData("{{ read('harrier:///ns/flow/ex/file.txt') }}", "hello file")]
    [InlineData("{{ fileURI('out.csv') }}", "harrier:///ns/flow/ex/out.csv")]
    [InlineData("{{ fileSize('harrier:///ns/flow/ex/file.txt') }}", "10")]
    [InlineData("{{ errorLogs()[0].message }}", "boom")]
    [InlineData("{{ now() | date('yyyy') }}", "2024")]
    [InlineData("{{ now(timeZone='Asia/Tokyo') }}", "2024-03-15T19:30:00+09:00")]
    [InlineData("{{ uuid() | length }}", "36")]
    [InlineData("{{ id() | length }}", "22")]
    [InlineData("{{ randomInt(1, 2) }}", "1")]
    public void Render_CallsFunctions(string template, string expected) =>
        Assert.Equal(expected, Render(template));

    [Fact]
    public void RandomInt_StaysWithinLowerInclusiveUpperExclusive()
    {
        var template = Templates.Compile("{{ randomInt(0, 3) }}");
        for (var i = 0; i < 50; i++)
        {
            Assert.Contains(template.Render(Context()), new[] { "0", "1", "2" });
        }
    }

    [Fact]
    public void Id_ProducesDistinctBase62Ids()
    {
        var template = Templates.Compile("{{ id() }}");
        var first = template.Render(Context());
        Assert.Matches("^[0-9A-Za-z]{22}$", first);
        Assert.NotEqual(first, template.Render(Context()));
    }

    [Fact]
    public void Secret_ReadsBase64EnvironmentVariable_WithDefaultServices()
    {
        var name = "HARRIER_TEST_" + Guid.NewGuid().ToString("N");
        Environment.SetEnvironmentVariable("SECRET_" + name, Convert.ToBase64String("env-value"u8.ToArray()));
        try
        {
            var result = Templates.Compile("{{ secret('" + name + "') }}").Render(new TemplateContext(new Dictionary<string, object?>()));
            Assert.Equal("env-value", result);
        }
        finally
        {
            Environment.SetEnvironmentVariable("SECRET_" + name, null);
        }
    }

    [Theory]
    [InlineData("{{ read('x') }}", "read() needs an execution context")]
    [InlineData("{{ fileURI('x') }}", "fileURI() needs an execution context")]
    [InlineData("{{ fileSize('x') }}", "fileSize() needs an execution context")]
    public void FileFunctions_FailClearly_WithDefaultServices(string template, string message)
    {
        var error = Assert.Throws<TemplateRenderException>(() =>
            Templates.Compile(template).Render(new TemplateContext(new Dictionary<string, object?>())));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Render_FailsOnSelfReferencingTemplate_InsteadOfLoopingForever()
    {
        var context = new TemplateContext(new Dictionary<string, object?> { ["loop"] = "{{ render(loop) }}" }, new FakeExpressionServices());
        var error = Assert.Throws<TemplateRenderException>(() => Templates.Compile("{{ render(loop) }}").Render(context));
        Assert.Contains("deeper than", error.Message, StringComparison.Ordinal);
    }
}
