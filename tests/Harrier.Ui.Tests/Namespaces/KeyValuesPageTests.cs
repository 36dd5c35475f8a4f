using System.Net;
using System.Text;
using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Namespaces;

[Collection(UiCollection.Name)]
public sealed class KeyValuesPageTests(UiFixture ui)
{
    [Fact]
    public async Task KvPage_ShowsAValue_StoresANewOne_AndDeletesAKey_OnTheServer()
    {
        using (var put = await ui.Server.Api.PutAsync("namespaces/ui.kv/kv/greeting", new StringContent("\"hello\"", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        }

        var page = await ui.NewPageAsync();
        await page.GotoAsync("/ui/kv?namespace=ui.kv");
        await page.Locator("[data-test=kv-keys] tr[data-key=greeting] button.link").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=kv-value]")).ToContainTextAsync("\"hello\"");

        await page.Locator("[data-test=kv-new-key]").FillAsync("count");
        await page.Locator("[data-test=kv-new-value]").FillAsync("42");
        await page.Locator("[data-test=kv-store]").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=kv-keys] tr[data-key=count]")).ToBeVisibleAsync();
        await page.Locator("[data-test=kv-keys] tr[data-key=greeting] button.danger").ClickAsync();
        await Assertions.Expect(page.Locator("[data-test=kv-keys] tr[data-key=greeting]")).ToHaveCountAsync(0);

        var count = await ui.Server.Api.GetJsonAsync("namespaces/ui.kv/kv/count");
        Assert.Equal(42, count["value"]!.GetValue<int>());
        using var gone = await ui.Server.Api.GetAsync("namespaces/ui.kv/kv/greeting");
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }
}
