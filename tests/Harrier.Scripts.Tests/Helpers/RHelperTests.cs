using Harrier.Scripts.Tests.Support;

namespace Harrier.Scripts.Tests.Helpers;

public sealed class RHelperTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task AttachedFunctions_PrintOutputsMetricsAndLogs()
    {
        var script = """
            outputs(list(text = Sys.getenv("TRICKY"), int = 2))
            counter("count", 1, list(tag1 = "i", tag2 = "win"))
            timer("timer1", function() sum(as.numeric(1:200000)))
            harrier$timer("timer2", 2.12)
            task_log("WARN", "careful")
            """;

        var run = await HelperRun.RunScriptAsync("Rscript", "main.R", script, _dir.Path);

        HelperRun.AssertStandardResults(run);
    }

    [Fact]
    public async Task TheUsersOwnProfile_IsStillSourced()
    {
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, ".Rprofile"), "user_value <- 41\n");

        var run = await HelperRun.RunScriptAsync("Rscript", "main.R", "outputs(list(v = user_value + 1, nested = list(a = c(1.5, 2))))", _dir.Path);

        Assert.Equal(42L, run.Collector.Outputs["v"]);
        var nested = Assert.IsType<Dictionary<string, object?>>(run.Collector.Outputs["nested"]);
        Assert.Equal(new List<object?> { 1.5, 2L }, nested["a"]);
    }

    [Fact]
    public async Task AUsersRProfileUserVariable_IsSourcedBeforeHarriersFunctions()
    {
        var profile = Path.Combine(_dir.Path, "custom-profile.R");
        await File.WriteAllTextAsync(profile, "custom_value <- 'from custom profile'\n");
        await File.WriteAllTextAsync(Path.Combine(_dir.Path, "main.R"), "outputs(list(v = custom_value))");
        var worker = new Dictionary<string, string> { ["R_PROFILE_USER"] = profile };
        var original = HelperRun.Helpers.BuildVariables(worker)[Harrier.Scripts.Helpers.HelperEnvironment.OriginalRProfileVariable];

        var run = await HelperRun.RunAsync([Interpreters.Require("Rscript"), "main.R"], _dir.Path, new Dictionary<string, string> { [Harrier.Scripts.Helpers.HelperEnvironment.OriginalRProfileVariable] = original });

        Assert.Equal("from custom profile", run.Collector.Outputs["v"]);
    }
}
