using System.Text.Json.Nodes;
using Harrier.Bench.Server;
using Microsoft.Playwright;

namespace Harrier.Bench.Ui;

/// <summary>
/// Cold loads in Debian's Chromium (Playwright, headless) against a real <c>harrier server standalone</c> on loopback, each
/// in a new browser context (empty cache, no service worker, no connection reuse): the execution page of an ended
/// two-task execution until both task runs and the last log line are on screen, or — the floor — the server's
/// <c>/health</c> answer rendered as a page (one request, no script), through the same browser and network path.
/// Times are <c>performance.now()</c> in the page: from navigation start.
/// </summary>
public static class UiFirstLoad
{
    public const string Chromium = "/usr/bin/chromium";

    private const string Flow = """
        id: measured
        namespace: bench.ui
        tasks:
          - id: one
            type: io.kestra.plugin.core.log.Log
            message: first-line
          - id: two
            type: io.kestra.plugin.core.log.Log
            message: last-line
        """;

    public static string? Missing() => File.Exists(Chromium) ? null : $"no {Chromium}: run scripts/setup (it installs Debian's chromium)";

    /// <summary>The median of <paramref name="loads"/> cold loads, in ms; <paramref name="floor"/>: of the floor page instead.</summary>
    public static async Task<(double Milliseconds, long PeakRssKb)> MeasureAsync(string harrierPath, string workDirectory, int loads, bool floor)
    {
        using var server = await BenchServer.StartAsync(harrierPath, Path.Combine(workDirectory, "ui-" + Guid.NewGuid().ToString("N")));
        await ServerFlows.DeployAsync(server.Http, Flow);
        using var started = await server.Http.PostAsync("executions/bench.ui/measured?wait=true", null);
        if (!started.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"POST execution: {(int)started.StatusCode} {await started.Content.ReadAsStringAsync()}");
        }

        var executionId = JsonNode.Parse(await started.Content.ReadAsStringAsync())!["id"]!.GetValue<string>();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        var samples = new List<double>();
        // One load first, not counted: the server's first answers (JIT, the embedded assets' first read) are no first load of a user.
        for (var i = 0; i <= loads; i++)
        {
            await using var context = await browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Root.ToString() });
            var page = await context.NewPageAsync();
            double elapsed;
            if (floor)
            {
                await page.GotoAsync("/health", new PageGotoOptions { WaitUntil = WaitUntilState.Load });
                elapsed = await page.EvaluateAsync<double>("performance.now()");
            }
            else
            {
                await page.GotoAsync($"/ui/executions/{executionId}", new PageGotoOptions { WaitUntil = WaitUntilState.Commit });
                await Assertions.Expect(page.Locator("[data-test=gantt] .gantt-row")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
                await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("last-line", new() { Timeout = 30_000 });
                elapsed = await page.EvaluateAsync<double>("performance.now()");
            }

            if (i > 0)
            {
                samples.Add(elapsed);
            }
        }

        samples.Sort();
        return (samples[samples.Count / 2], server.MemoryKb().Peak);
    }
}
