using Harrier.TestKit.Support;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Shell;

[Collection(UiCollection.Name)]
public sealed class BasicAuthTests(UiFixture ui)
{
    [Fact]
    public async Task AServerWithBasicAuth_AsksForCredentialsOnce_AndKeepsThemForTheTab()
    {
        using var folder = new TempDirectory("harrier-ui-test-");
        using var server = await UiServer.StartAsync(folder.File("data"), new Dictionary<string, string>
        {
            ["HARRIER_SERVER_BASICAUTH_USERNAME"] = "admin",
            ["HARRIER_SERVER_BASICAUTH_PASSWORD"] = "s3cret-pass",
        });
        var context = await ui.Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = server.Address.ToString() });
        context.SetDefaultTimeout(20_000);
        var page = await context.NewPageAsync();
        await page.GotoAsync("/ui/flows");

        var login = page.Locator("[data-test=login]");
        await Assertions.Expect(login).ToBeVisibleAsync();
        await login.Locator("input[name=user]").FillAsync("admin");
        await login.Locator("input[name=password]").FillAsync("wrong");
        await login.Locator("button[type=submit]").ClickAsync();
        await Assertions.Expect(login).ToContainTextAsync("Those credentials were refused");
        await login.Locator("input[name=user]").FillAsync("admin");
        await login.Locator("input[name=password]").FillAsync("s3cret-pass");
        await login.Locator("button[type=submit]").ClickAsync();

        await Assertions.Expect(page.Locator("[data-test=empty]")).ToContainTextAsync("No flow yet");
        await page.GotoAsync("/ui/executions");
        await Assertions.Expect(page.Locator("[data-test=empty]")).ToContainTextAsync("No execution here");
        await Assertions.Expect(login).ToHaveCountAsync(0);
        await context.CloseAsync();
    }
}
