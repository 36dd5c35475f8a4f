using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Support;

/// <summary>
/// Screenshots of the main pages, taken by the tests that reach them, into docs/ui/ of the repository (linked from the
/// README), so the pictures always show the UI as it is.
/// </summary>
public static class Screenshots
{
    public static string Folder { get; } = Path.Combine(RepositoryRoot(), "docs", "ui");

    public static async Task TakeAsync(IPage page, string name)
    {
        Directory.CreateDirectory(Folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Folder, name + ".png"), FullPage = false });
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Harrier.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException($"no Harrier.slnx above {AppContext.BaseDirectory}: the tests run from a build of the repository");
    }
}
