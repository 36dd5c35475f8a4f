using Harrier.Scripts.Commands;
using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Tests.Commands;

public sealed class ScriptCommandLineBuilderTests
{
    private const string Debug = "echo '##kestra:log:debug##'";
    private const string Info = "echo '##kestra:log:info##'";

    public static TheoryData<string, CommandLineRequest, string[]> Cases => new()
    {
        {
            "shell Commands, failFast by default: set -e first, one script string",
            Shell(["echo 1", "echo 2"]),
            ["/bin/sh", "-c", "set -e\necho 1\necho 2"]
        },
        {
            "failFast false: no set -e",
            Shell(["echo 1", "echo 2"]) with { FailFast = false },
            ["/bin/sh", "-c", "echo 1\necho 2"]
        },
        {
            "beforeCommands: markers around set -e and the before-commands (2026)",
            Shell(["echo run"]) with { BeforeCommands = ["pip install x", "cd sub"] },
            ["/bin/sh", "-c", $"{Debug}\nset -e\npip install x\ncd sub\n{Info}\necho run"]
        },
        {
            "§12.5 #38 (Kestra 1.3, no markers, no failFast): interpreter + one joined string",
            Shell(["command"]) with { Interpreter = ["interpreter"], BeforeCommands = ["beforeCommand"], FailFast = false, MarkBeforeCommands = false },
            ["interpreter", "beforeCommand\ncommand"]
        },
        {
            "empty interpreter and no beforeCommands: the commands are the raw argv",
            Shell(["python", "main.py"]) with { Interpreter = [] },
            ["python", "main.py"]
        },
        {
            "empty interpreter with beforeCommands: one joined element",
            Shell(["b"]) with { Interpreter = [], BeforeCommands = ["a"], FailFast = false, MarkBeforeCommands = false },
            ["a\nb"]
        },
        {
            "custom interpreter",
            Shell(["echo {1..3}"]) with { Interpreter = ["/bin/bash", "-c"] },
            ["/bin/bash", "-c", "set -e\necho {1..3}"]
        },
        {
            "Perl Commands never adds set -e (Kestra quirk)",
            new CommandLineRequest(new PerlLanguage(), IsCommandsTask: true, ["perl a.pl"]) { TargetOs = TargetOs.Linux },
            ["/bin/sh", "-c", "perl a.pl"]
        },
        {
            "Perl Script does add set -e",
            new CommandLineRequest(new PerlLanguage(), IsCommandsTask: false, ["perl /wd/1.pl"]) { TargetOs = TargetOs.Linux },
            ["/bin/sh", "-c", "set -e\nperl /wd/1.pl"]
        },
        {
            "PowerShell: pwsh interpreter and ErrorActionPreference",
            new CommandLineRequest(new PowerShellLanguage(), IsCommandsTask: true, ["Write-Output 1"]) { TargetOs = TargetOs.Linux },
            ["pwsh", "-NoProfile", "-NonInteractive", "-Command", "$ErrorActionPreference = 'Stop'\nWrite-Output 1"]
        },
        {
            "Windows target: CRLF and an empty failFast line",
            Shell(["echo 1", "echo 2"]) with { TargetOs = TargetOs.Windows },
            ["/bin/sh", "-c", "\r\necho 1\r\necho 2"]
        },
        {
            "AUTO on a Windows worker with the Process runner means Windows",
            Shell(["echo 1"]) with { TargetOs = TargetOs.Auto, WorkerIsWindows = true },
            ["/bin/sh", "-c", "\r\necho 1"]
        },
        {
            "AUTO on a Windows worker with a container runner keeps set -e but the worker's separator",
            Shell(["echo 1"]) with { TargetOs = TargetOs.Auto, WorkerIsWindows = true, RunnerIsProcess = false },
            ["/bin/sh", "-c", "set -e\r\necho 1"]
        },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Build_ProducesTheSpecArgv(string description, CommandLineRequest request, string[] expected)
    {
        Assert.False(string.IsNullOrEmpty(description));
        Assert.Equal(expected, ScriptCommandLineBuilder.Build(request));
    }

    private static CommandLineRequest Shell(IReadOnlyList<string> commands) =>
        new(new ShellLanguage(), IsCommandsTask: true, commands) { TargetOs = TargetOs.Linux, WorkerIsWindows = false };
}
