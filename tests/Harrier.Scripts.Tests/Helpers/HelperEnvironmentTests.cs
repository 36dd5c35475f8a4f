using Harrier.Scripts.Helpers;
using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class HelperEnvironmentTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Variables_PutHarriersFolderFirst_AndKeepTheUsersPaths()
    {
        var helpers = new HelperEnvironment(new HelperEnvironmentOptions { Directory = _dir.File("helpers") });

        var variables = helpers.BuildVariables(new Dictionary<string, string> { ["PYTHONPATH"] = "/mine", ["LUA_PATH"] = "/l/?.lua" });

        Assert.Equal(_dir.File("helpers/python") + ":/mine", variables["PYTHONPATH"]);
        Assert.Equal(_dir.File("helpers/lua/?.lua") + ";/l/?.lua", variables["LUA_PATH"]);
        Assert.Equal(_dir.File("helpers/node"), variables["NODE_PATH"]);
        Assert.Equal(_dir.File("helpers/lua/?.lua") + ";;", helpers.BuildVariables(new Dictionary<string, string>())["LUA_PATH"]);
        Assert.Equal(":" + _dir.File("helpers/php/conf.d"), variables["PHP_INI_SCAN_DIR"]);
        Assert.True(File.Exists(variables[HelperEnvironment.ShellHelperVariable]));
    }

    [Fact]
    public void Variables_RememberTheUsersRProfile_SoHarriersProfileCanSourceIt()
    {
        var helpers = new HelperEnvironment(new HelperEnvironmentOptions { Directory = _dir.File("helpers") });

        var variables = helpers.BuildVariables(new Dictionary<string, string> { ["R_PROFILE_USER"] = "/home/me/.Rprofile" });

        Assert.Equal("/home/me/.Rprofile", variables[HelperEnvironment.OriginalRProfileVariable]);
        Assert.Equal(_dir.File("helpers/r/harrier-profile.R"), variables["R_PROFILE_USER"]);
    }

    [Fact]
    public void Files_AreExtractedOnce_WithEveryLanguage()
    {
        var target = _dir.File("helpers");
        var first = new HelperEnvironment(new HelperEnvironmentOptions { Directory = target }).RootDirectory;
        var marker = File.GetLastWriteTimeUtc(Path.Combine(first, ".complete"));

        var second = new HelperEnvironment(new HelperEnvironmentOptions { Directory = target }).RootDirectory;

        Assert.Equal(first, second);
        Assert.Equal(marker, File.GetLastWriteTimeUtc(Path.Combine(second, ".complete")));
        foreach (var file in new[]
        {
            "python/harrier/__init__.py", "python/kestra/__init__.py", "node/harrier/index.js", "node/@kestra-io/libs/index.js",
            "r/harrier-profile.R", "ruby/harrier.rb", "powershell/Harrier/Harrier.psd1", "julia/Harrier/src/Harrier.jl",
            "shell/harrier.sh", "perl/Harrier.pm", "php/harrier.php", "lua/harrier.lua",
        })
        {
            Assert.True(File.Exists(Path.Combine(first, file)), file);
        }
    }
}
