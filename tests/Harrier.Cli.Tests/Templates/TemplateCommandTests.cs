using System.CommandLine;
using Harrier.Cli.Templates;
using Xunit;

namespace Harrier.Cli.Tests.Templates;

public class TemplateCommandTests
{
    [Theory]
    [InlineData("{{ 1 + 2 }}", "3\n")]
    [InlineData("hello {{ 'x' | upper }}", "hello X\n")]
    [InlineData("plain", "plain\n")]
    public void Render_PrintsTheResult(string template, string expected)
    {
        var (code, output, error) = Invoke("template", "render", template);
        Assert.Equal((0, expected, string.Empty), (code, output.Replace("\r\n", "\n", StringComparison.Ordinal), error));
    }

    [Fact]
    public void Render_ReadsVariablesFromTheContextFile()
    {
        var path = Path.Combine(Path.GetTempPath(), "harrier-ctx-" + Guid.NewGuid().ToString("N") + ".json");
        File.WriteAllText(path, """{"inputs": {"date": "2024-03-15T10:30:00Z", "n": 2}}""");
        try
        {
            var (code, output, _) = Invoke("template", "render", "{{ inputs.date | date('yyyy-MM-dd') }} {{ inputs.n * 2 }}", "--context", path);
            Assert.Equal((0, "2024-03-15 4"), (code, output.TrimEnd()));
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Theory]
    [InlineData("{{ missing }}", "Undefined variable 'missing' at line 1, column 4")]
    [InlineData("{{ x | uper }}", "Unknown filter 'uper' (did you mean 'upper'?) at line 1, column 8")]
    public void Render_PrintsOneLineErrorAndExitsWithOne(string template, string message)
    {
        var (code, output, error) = Invoke("template", "render", template);
        Assert.Equal((1, string.Empty, message), (code, output, error.TrimEnd()));
    }

    [Fact]
    public void Render_ReportsAMissingContextFile()
    {
        var (code, _, error) = Invoke("template", "render", "x", "--context", "/nonexistent/ctx.json");
        Assert.Equal(1, code);
        Assert.Contains("does not exist", error, StringComparison.Ordinal);
    }

    private static (int Code, string Output, string Error) Invoke(params string[] args)
    {
        var root = new RootCommand { TemplateCommand.Create() };
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = root.Parse(args).Invoke(new InvocationConfiguration { Output = output, Error = error });
        return (code, output.ToString(), error.ToString());
    }
}
