using Harrier.TestKit.Support;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Shell;

[Collection(UiCollection.Name)]
public sealed class StalledServerTests(UiFixture ui)
{
    /// <summary>A server frozen with SIGSTOP (alive, answering nothing): the page says it waits, then that it gave up, never spins on.</summary>
    [Fact]
    public async Task AServerThatStopsAnswering_GetsAWaitingNote_ThenATimeoutMessage_NotAnEndlessSpinner()
    {
        using var folder = new TempDirectory("harrier-ui-test-");
        using var server = await UiServer.StartAsync(folder.File("data"));
        var page = await ui.NewPageAsync();
        await page.GotoAsync(server.Url("/ui/executions"));
        await Assertions.Expect(page.Locator("[data-test=empty]")).ToBeVisibleAsync();

        server.Process.Pause();
        try
        {
            await page.Locator("a[href='/ui/flows']").First.ClickAsync();
            await Assertions.Expect(page.Locator("[data-test=loading]")).ToContainTextAsync("slow to answer", new() { Timeout = 10_000 });
            await Assertions.Expect(page.Locator("[data-test=error]")).ToContainTextAsync("did not answer within 15 s", new() { Timeout = 25_000 });
            await Assertions.Expect(page.Locator("[data-test=loading]")).ToHaveCountAsync(0);
        }
        finally
        {
            server.Process.Resume();
        }
    }
}
