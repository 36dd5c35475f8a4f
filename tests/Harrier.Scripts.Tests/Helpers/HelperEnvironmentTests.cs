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

    [Fact]
    public void AnIncompleteFolderLeftByACrash_IsReplacedByAWholeOne()
    {
        var target = _dir.File("helpers");
        Directory.CreateDirectory(Path.Combine(target, "python", "harrier"));
        File.WriteAllText(Path.Combine(target, "python", "harrier", "__init__.py"), "half a fi");

        var root = new HelperEnvironment(new HelperEnvironmentOptions { Directory = target }).RootDirectory;

        Assert.True(File.Exists(Path.Combine(root, ".complete")));
        Assert.NotEqual("half a fi", File.ReadAllText(Path.Combine(root, "python", "harrier", "__init__.py")));
        Assert.Equal(["helpers"], Directory.GetFileSystemEntries(_dir.File(".")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task ExtractionsRacingIntoOneFolder_NeverDeleteOrRewriteAWholeOne_AndLeaveNoStagingBehind()
    {
        for (var round = 0; round < 10; round++)
        {
            var target = _dir.File($"race-{round}");
            using var start = new Barrier(8);
            var seenComplete = 0;
            var roots = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() =>
            {
                start.SignalAndWait();
                var root = new HelperEnvironment(new HelperEnvironmentOptions { Directory = target }).RootDirectory;
                if (File.Exists(Path.Combine(root, ".complete")) && File.Exists(Path.Combine(root, "shell", "harrier.sh")))
                {
                    Interlocked.Increment(ref seenComplete);
                }

                return root;
            })));

            // Every caller got the same whole folder, still whole once all of them returned.
            Assert.Equal(8, seenComplete);
            Assert.Single(roots.Distinct());
            Assert.True(File.Exists(Path.Combine(target, ".complete")));
            Assert.Equal([$"race-{round}"], Directory.GetFileSystemEntries(_dir.File(".")).Select(Path.GetFileName).Where(n => n!.StartsWith($"race-{round}", StringComparison.Ordinal)));
        }
    }
}
