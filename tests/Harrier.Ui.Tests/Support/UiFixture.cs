using Harrier.TestKit.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Support;

/// <summary>One server process and one browser for the whole suite; each test opens its own context (cookies, storage, cache).</summary>
public sealed class UiFixture : IAsyncLifetime, IDisposable
{
    private readonly TempDirectory _folder = new("harrier-ui-test-");
    private IPlaywright? _playwright;

    public UiServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public string Folder => _folder.Path;

    public async Task InitializeAsync()
    {
        // Expectations poll until they hold: 20 s (not Playwright's 5 s) leaves room for a CI machine running every suite at once.
        Assertions.SetDefaultExpectTimeout(20_000);
        Server = await UiServer.StartAsync(_folder.File("data"));
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    /// <summary>A fresh page (cold cache) on a 1280×800 viewport, failing fast: a UI that needs more than 20 s is broken.</summary>
    public async Task<IPage> NewPageAsync(string? colorScheme = null)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = Server.Address.ToString(),
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            ColorScheme = colorScheme == "dark" ? ColorScheme.Dark : ColorScheme.Light,
            AcceptDownloads = true,
        });
        context.SetDefaultTimeout(20_000);
        return await context.NewPageAsync();
    }

    public async Task DisposeAsync()
    {
        await Browser.CloseAsync();
        _playwright?.Dispose();
        Server.Dispose();
    }

    /// <summary>After <see cref="DisposeAsync"/> (xunit calls both): the data directory goes once the server has stopped.</summary>
    public void Dispose() => _folder.Dispose();
}

[CollectionDefinition(Name)]
public sealed class UiCollection : ICollectionFixture<UiFixture>
{
    public const string Name = "ui";
}
