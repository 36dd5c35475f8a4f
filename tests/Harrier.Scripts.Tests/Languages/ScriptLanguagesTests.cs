using Harrier.Scripts.Languages;

namespace Harrier.Scripts.Tests.Languages;

public sealed class ScriptLanguagesTests
{
    [Fact]
    public void Registry_ListsEveryProcessLanguage_WithKestraTypeNames()
    {
        Assert.Equal(
            ["shell", "python", "node", "r", "julia", "ruby", "powershell", "go", "deno", "bun", "lua", "perl", "php", "dotnet", "groovy", "jbang"],
            ScriptLanguages.All.Select(l => l.Name));
        Assert.All(ScriptLanguages.All, l => Assert.Equal($"io.kestra.plugin.scripts.{l.Name}.Script", l.ScriptTypeName));
    }

    [Theory]
    [InlineData("io.kestra.plugin.scripts.perl.Commands", "perl", true)]
    [InlineData("io.kestra.plugin.scripts.python.Script", "python", false)]
    [InlineData("io.kestra.plugin.scripts.powershell.Commands", "powershell", true)]
    public void TypeNames_ResolveToTheirLanguage(string typeName, string language, bool isCommands)
    {
        Assert.True(ScriptLanguages.TryFindByTypeName(typeName, out var found, out var commands));
        Assert.Equal(language, found.Name);
        Assert.Equal(isCommands, commands);
    }

    [Fact]
    public void TypeNames_AreCaseSensitive()
    {
        Assert.False(ScriptLanguages.TryFindByTypeName("io.kestra.plugin.scripts.Python.Script", out _, out _));
    }

    [Theory]
    [InlineData("node", "node /wd/123.js", ".js", "node")]
    [InlineData("r", "Rscript /wd/123.R", ".R", "r-base")]
    [InlineData("julia", "julia /wd/123.jl", ".jl", "julia")]
    [InlineData("ruby", "ruby /wd/123.rb", ".rb", "ruby")]
    [InlineData("go", "go run /wd/123.go", ".go", "golang")]
    [InlineData("deno", "deno run /wd/123.ts", ".ts", "denoland/deno")]
    [InlineData("bun", "bun run /wd/123.ts", ".ts", "oven/bun")]
    [InlineData("lua", "lua /wd/123.lua", ".lua", "nickblah/lua")]
    [InlineData("perl", "perl /wd/123.pl", ".pl", "perl")]
    [InlineData("php", "php /wd/123.php", ".php", "php")]
    [InlineData("powershell", "/wd/./123.ps1", ".ps1", "ghcr.io/kestra-io/powershell:latest")]
    [InlineData("dotnet", "dotnet run /wd/123.cs", ".cs", "mcr.microsoft.com/dotnet/sdk:10.0")]
    [InlineData("groovy", "groovy /wd/123.groovy", ".groovy", "groovy")]
    [InlineData("jbang", "jbang --quiet /wd/123.java", ".java", "jbangdev/jbang-action")]
    public void ScriptCommand_RunsTheFileWithTheLanguageTool(string name, string expected, string extension, string image)
    {
        var language = ScriptLanguages.ByName(name);
        var fileName = "123" + extension;

        Assert.Equal(extension, language.ScriptFileExtension);
        Assert.Equal(image, language.DefaultContainerImage);
        Assert.Equal(expected, language.BuildScriptCommand(new ScriptFileContext("/wd", fileName)));
    }

    [Fact]
    public void ScriptCommand_QuotesAPathWithSpaces()
    {
        Assert.Equal("node '/my wd/1.js'", new NodeLanguage().BuildScriptCommand(new ScriptFileContext("/my wd", "1.js")));
        Assert.Equal("& '/my wd/./1.ps1'", new PowerShellLanguage().BuildScriptCommand(new ScriptFileContext("/my wd", "1.ps1")));
    }

    [Fact]
    public void Python_PrefersAnActivatedVirtualenv_OnPosix()
    {
        var command = new PythonLanguage().BuildScriptCommand(new ScriptFileContext("/wd", "1.py", ResolvedInterpreter: "/usr/bin/python3"));

        Assert.Equal("if [ -n \"$VIRTUAL_ENV\" ]; then \"$VIRTUAL_ENV/bin/python\" \"/wd/1.py\"; else \"/usr/bin/python3\" \"/wd/1.py\"; fi", command);
    }

    [Fact]
    public void Python_RunsTheInterpreterDirectly_WhenPackagesWereInstalledOrOnWindows()
    {
        var python = new PythonLanguage();

        Assert.Equal("/opt/py/bin/python /wd/1.py", python.BuildScriptCommand(new ScriptFileContext("/wd", "1.py", ResolvedInterpreter: "/opt/py/bin/python", PackagesInstalledByHarrier: true)));
        Assert.Equal("python 'C:\\wd\\1.py'", python.BuildScriptCommand(new ScriptFileContext("C:\\wd", "1.py", WindowsTarget: true)));
    }

    [Fact]
    public void Python_AddsItsEnvironmentAndPrelude()
    {
        var python = new PythonLanguage();

        Assert.Equal("true", python.ExtraEnvironment["PYTHONUNBUFFERED"]);
        Assert.Equal("ignore", python.ExtraEnvironment["PIP_ROOT_USER_ACTION"]);
        Assert.Equal("1", python.ExtraEnvironment["PIP_DISABLE_PIP_VERSION_CHECK"]);
        Assert.Equal("true = True\nfalse = False\nnull = None\n", python.ScriptPrelude);
    }

    [Fact]
    public void Shell_HasNoScriptFile_AndPowerShellItsOwnInterpreter()
    {
        Assert.Null(new ShellLanguage().ScriptFileExtension);
        Assert.Equal(["/bin/sh", "-c"], new ShellLanguage().DefaultInterpreter);
        Assert.Equal(["pwsh", "-NoProfile", "-NonInteractive", "-Command"], new PowerShellLanguage().DefaultInterpreter);
        Assert.Equal("$ErrorActionPreference = 'Stop'", new PowerShellLanguage().ExitOnErrorLine(windowsTarget: true));
        Assert.Equal("set -e", new RubyLanguage().ExitOnErrorLine(windowsTarget: false));
        Assert.Equal(string.Empty, new RubyLanguage().ExitOnErrorLine(windowsTarget: true));
    }
}
