using Harrier.Core.Logs;
using Harrier.Scripts.Commands;
using Harrier.Scripts.Languages;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Commands;

/// <summary>Each language's Script task, run the way the engine will: file, run command, default interpreter.</summary>
public sealed class LanguageScriptTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("ruby", "puts 'hello from ruby'", "ruby")]
    [InlineData("r", "cat('hello from r\\n')", "Rscript")]
    [InlineData("perl", "print \"hello from perl\\n\";", "perl")]
    [InlineData("php", "<?php echo \"hello from php\\n\";", "php")]
    [InlineData("lua", "print('hello from lua')", "lua")]
    [InlineData("node", "console.log('hello from node')", "node")]
    [InlineData("powershell", "Write-Output 'hello from powershell'", "pwsh")]
    public async Task Script_RunsTheFileWithTheLanguagesTool(string language, string script, string tool)
    {
        Interpreters.Require(tool);

        var run = await ScriptTask.RunScriptAsync(ScriptLanguages.ByName(language), script, _dir.Path);

        Assert.True(run.Result.ExitCode == 0, string.Join('\n', run.Logs.Lines));
        Assert.Equal($"hello from {language}", run.Logs.At(TaskLogLevel.Info).Single());
    }

    [Fact]
    public async Task RubyScript_CountsOneStderrLine()
    {
        // §12.4 #32
        var run = await ScriptTask.RunScriptAsync(new RubyLanguage(), "STDERR.puts 'oops'", _dir.Path);

        Assert.Equal((0, 0, 1), (run.Result.ExitCode, run.Collector.StdOutLineCount, run.Collector.StdErrLineCount));
    }

    [Fact]
    public async Task PowerShellCommands_FailFastStopsAtTheFirstError()
    {
        // §12.4 #34
        Interpreters.Require("pwsh");
        var commands = new[] { "Get-ChildItem -Path 'NonexistentPath'", "Write-Output 'after'" };

        var language = new PowerShellLanguage();
        var failing = await ShellRun.RunAsync(ScriptCommandLineBuilder.Build(new CommandLineRequest(language, true, commands)), _dir.Path, language.ExtraEnvironment);
        var lenient = await ShellRun.RunAsync(ScriptCommandLineBuilder.Build(new CommandLineRequest(language, true, commands) { FailFast = false }), _dir.Path, language.ExtraEnvironment);

        Assert.NotEqual(0, failing.Result.ExitCode);
        Assert.DoesNotContain("after", failing.Logs.Lines.Select(l => l.Message));
        Assert.Equal(0, lenient.Result.ExitCode);
        Assert.Equal(1, lenient.Collector.StdOutLineCount);
        Assert.Equal(1, lenient.Collector.StdErrLineCount);
        Assert.StartsWith("Get-ChildItem: Cannot find path", lenient.Logs.At(TaskLogLevel.Error).Single(), StringComparison.Ordinal);
    }
}
