using System.Net;
using System.Text.RegularExpressions;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Shell;

[Collection(UiCollection.Name)]
public sealed partial class AppShellTests(UiFixture ui)
{
    [Fact]
    public async Task Root_RedirectsToTheUi_AndADeepLinkOpensItsPage_WhileAMissingAssetIsA404()
    {
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = ui.Server.Address };
        using var root = await http.GetAsync("/");
        using var asset = await http.GetAsync("/ui/assets/missing-0000.js");

        Assert.Equal(HttpStatusCode.Redirect, root.StatusCode);
        Assert.Equal("/ui/", root.Headers.Location?.ToString());
        Assert.Equal(HttpStatusCode.NotFound, asset.StatusCode);
        var page = await ui.NewPageAsync();
        await page.GotoAsync("/");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/ui/flows$"));
        await page.GotoAsync("/ui/executions?state=KILLED&namespace=nothing.here");
        await Assertions.Expect(page.Locator("[data-test=filter-state]")).ToHaveValueAsync("KILLED");
        await Assertions.Expect(page.Locator("[data-test=empty]")).ToContainTextAsync("Nothing matches these filters");
    }

    [Fact]
    public async Task TheUrlTheApiGivesANewExecution_OpensItsPage()
    {
        await ui.Server.Api.DeployAsync("id: linked\nnamespace: ui.links\ntasks:\n  - id: a\n    type: io.kestra.plugin.core.log.Log\n    message: linked-line\n");
        var execution = await ui.Server.Api.ExecuteAsync("ui.links", "linked", wait: true);
        var url = execution["url"]!.GetValue<string>();

        var page = await ui.NewPageAsync();
        await page.GotoAsync(url);

        await Assertions.Expect(page).ToHaveURLAsync(new Regex($"/ui/executions/{execution.Id()}$"));
        await Assertions.Expect(page.Locator("[data-test=logs]")).ToContainTextAsync("linked-line");
    }

    [Fact]
    public async Task Assets_AreCachedForAYear_ButIndexHtmlIsRevalidated()
    {
        using var http = new HttpClient { BaseAddress = ui.Server.Address };
        using var index = await http.GetAsync("/ui/");
        var html = await index.Content.ReadAsStringAsync();
        var script = ScriptSource().Match(html).Groups[1].Value;
        using var asset = await http.GetAsync(script);

        Assert.True(index.Headers.CacheControl?.NoCache, $"index.html Cache-Control: {index.Headers.CacheControl}");
        Assert.Equal(HttpStatusCode.OK, asset.StatusCode);
        Assert.Equal(TimeSpan.FromDays(365), asset.Headers.CacheControl?.MaxAge);
        Assert.StartsWith("text/javascript", asset.Content.Headers.ContentType?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Theme_FollowsTheSystem_AndTheToggleSwitchesAndIsRemembered()
    {
        var page = await ui.NewPageAsync(colorScheme: "dark");
        await page.GotoAsync("/ui/executions");
        Assert.Equal("dark", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        await Assertions.Expect(page.Locator("[data-test=executions], [data-test=empty]").First).ToBeVisibleAsync();
        await Screenshots.TakeAsync(page, "executions-dark");

        await page.Locator("[data-test=theme-toggle]").ClickAsync();
        Assert.Equal("light", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
        await page.ReloadAsync();
        Assert.Equal("light", await page.EvaluateAsync<string>("document.documentElement.dataset.theme"));
    }

    [GeneratedRegex("<script type=\"module\" crossorigin src=\"([^\"]+)\"")]
    private static partial Regex ScriptSource();
}
