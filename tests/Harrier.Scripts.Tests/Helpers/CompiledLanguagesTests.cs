using Harrier.Scripts.Languages;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

/// <summary>Go, Deno and Bun have no helper yet: their tasks print protocol lines themselves.</summary>
public sealed class CompiledLanguagesTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task GoScript_PrintsAProtocolLine()
    {
        Interpreters.Require("go");
        var script = "package main\n\nimport \"fmt\"\n\nfunc main() { fmt.Println(`::{\"outputs\":{\"lang\":\"go\"}}::`) }\n";
        var env = new Dictionary<string, string> { ["HOME"] = _dir.Path, ["GOCACHE"] = Path.Combine(_dir.Path, ".gocache"), ["GOFLAGS"] = "-mod=mod", ["GOTOOLCHAIN"] = "local" };

        var run = await ScriptTask.RunScriptAsync(new GoLanguage(), script, _dir.Path, environment: env);

        Assert.True(run.Result.ExitCode == 0, string.Join('\n', run.Logs.Lines));
        Assert.Equal("go", run.Collector.Outputs["lang"]);
    }

    [Theory]
    [InlineData("deno")]
    [InlineData("bun")]
    public async Task TypeScriptScript_PrintsAProtocolLine(string language)
    {
        Interpreters.Require(language);
        var env = new Dictionary<string, string> { ["HOME"] = _dir.Path, ["DENO_DIR"] = Path.Combine(_dir.Path, ".deno"), ["NO_COLOR"] = "1" };
        var script = $$"""const n: number = 2; console.log('::' + JSON.stringify({ outputs: { lang: '{{language}}', n } }) + '::');""";

        var run = await ScriptTask.RunScriptAsync(ScriptLanguages.ByName(language), script, _dir.Path, environment: env);

        Assert.True(run.Result.ExitCode == 0, string.Join('\n', run.Logs.Lines));
        Assert.Equal(language, run.Collector.Outputs["lang"]);
        Assert.Equal(2L, run.Collector.Outputs["n"]);
    }
}
