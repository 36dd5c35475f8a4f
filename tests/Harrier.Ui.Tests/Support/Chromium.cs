using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Support;

/// <summary>
/// Debian's Chromium driven by Playwright. Never a browser Playwright would download (none can be here): without
/// /usr/bin/chromium the tests fail and say how to install it.
/// </summary>
public static class Chromium
{
    public const string Executable = "/usr/bin/chromium";

    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync()
    {
        if (!File.Exists(Executable))
        {
            throw new InvalidOperationException($"{Executable} is missing: the UI tests drive Debian's Chromium. Install it with ./scripts/setup (step scripts/setup.d/50-chromium.sh: apt-get install chromium).");
        }

        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
        return (playwright, browser);
    }
}
