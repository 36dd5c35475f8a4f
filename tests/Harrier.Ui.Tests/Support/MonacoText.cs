using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Support;

/// <summary>Writing into the Monaco editor as a user pasting a whole document does (typed keys would be auto-indented).</summary>
public static class MonacoText
{
    public static async Task ReplaceAsync(IPage page, string text)
    {
        await page.Context.GrantPermissionsAsync(["clipboard-read", "clipboard-write"]);
        await page.EvaluateAsync("text => navigator.clipboard.writeText(text)", text);
        await page.Locator(".monaco-editor .view-lines").ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.PressAsync("Control+V");
    }

    /// <summary>The editor line a rendered element stands on, found by the line number shown at the same height.</summary>
    public static async Task<int> LineOfAsync(IPage page, ILocator element)
    {
        var box = await element.BoundingBoxAsync() ?? throw new InvalidOperationException("the element is not rendered");
        foreach (var number in await page.Locator(".monaco-editor .line-numbers").AllAsync())
        {
            var numberBox = await number.BoundingBoxAsync();
            if (numberBox is not null && Math.Abs(numberBox.Y - box.Y) < numberBox.Height / 2)
            {
                return int.Parse((await number.InnerTextAsync()).Trim(), System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        throw new InvalidOperationException($"no line number at y={box.Y}");
    }
}
