using Harrier.Server.Tests.Support;
using Harrier.TestKit.Processes;
using Harrier.TestKit.Support;

namespace Harrier.Server.Tests.Cli;

/// <summary><c>harrier triggers</c> (a real process) against a running server: list, disable, enable, backfill and its mistakes.</summary>
public sealed class TriggersCliTests : IAsyncLifetime, IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    private readonly TempDirectory _folder = new();
    private TestServer? _server;

    private TestServer Server => _server!;

    private string Url => Server.Root.ToString().TrimEnd('/');

    public async Task InitializeAsync() => _server = await TestServer.StartAsync();

    public async Task DisposeAsync() => await Server.DisposeAsync();

    public void Dispose() => _folder.Dispose();

    private Task<(int ExitCode, string Output)> CliAsync(params string[] arguments) => HarrierProcess.RunAsync(_folder.Path, Patience, arguments);

    private static string Daily(string ns) => $$"""
        id: report
        namespace: {{ns}}
        triggers:
          - id: daily
            type: io.kestra.plugin.core.trigger.Schedule
            cron: "0 6 * * *"
        tasks:
          - id: say
            type: io.kestra.plugin.core.log.Log
            message: report
        """;

    private async Task RegisteredAsync(string ns)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Server.Http.GetJsonAsync($"triggers/{ns}/report"))["total"]!.GetValue<long>() == 0)
        {
            Assert.True(DateTime.UtcNow < deadline, "the trigger was not registered within 20 s");
            await Task.Delay(100);
        }
    }

    [Fact]
    public async Task ListDisableEnable_ShowAndChangeTheTrigger()
    {
        var ns = ApiCalls.UniqueNamespace("cli");
        await Server.Http.DeployAsync(Daily(ns));
        await RegisteredAsync(ns);

        var (listExit, listed) = await CliAsync("triggers", "list", "--namespace", ns, "--server", Url);
        var (disableExit, disabled) = await CliAsync("triggers", "disable", ns, "report", "daily", "--server", Url);
        var (enableExit, enabled) = await CliAsync("triggers", "enable", ns, "report", "daily", "--server", Url);

        Assert.True(listExit == 0, listed);
        Assert.Contains($"{ns}.report/daily  Schedule  enabled", listed, StringComparison.Ordinal);
        Assert.True(disableExit == 0, disabled);
        Assert.Contains("  disabled  ", disabled, StringComparison.Ordinal);
        Assert.True(enableExit == 0, enabled);
        Assert.Contains("  enabled  ", enabled, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Backfill_StartsOneExecutionPerMissedDay_AndMistakesExit2WithTheReason()
    {
        var ns = ApiCalls.UniqueNamespace("cli");
        await Server.Http.DeployAsync(Daily(ns));
        await RegisteredAsync(ns);
        var start = DateTime.UtcNow.Date.AddDays(-3).ToString("yyyy-MM-ddT00:00:00Z", System.Globalization.CultureInfo.InvariantCulture);

        var (exit, output) = await CliAsync("triggers", "backfill", ns, "report", "daily", "--start", start, "--server", Url);
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while ((await Server.Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>() < 3 && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        var (noServerExit, noServer) = await CliAsync("triggers", "list");
        var (badExit, bad) = await CliAsync("triggers", "backfill", ns, "report", "daily", "--start", "yesterday", "--server", Url);

        Assert.True(exit == 0, output);
        Assert.Contains($"{ns}.report/daily", output, StringComparison.Ordinal);
        Assert.InRange((await Server.Http.GetJsonAsync($"executions/search?filters[namespace][EQUALS]={ns}"))["total"]!.GetValue<long>(), 3, 4);
        Assert.Equal(2, noServerExit);
        Assert.Contains("--server", noServer, StringComparison.Ordinal);
        Assert.NotEqual(0, badExit);
        Assert.Contains("backfill.start", bad, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", bad, StringComparison.Ordinal);
    }
}
