using Harrier.Ui.Tests.Support;
using Microsoft.Playwright;

namespace Harrier.Ui.Tests.Executions;

[Collection(UiCollection.Name)]
public sealed class AttemptsGanttTests(UiFixture ui)
{
    [Fact]
    public async Task ATaskWithRetries_ShowsOneGanttSegmentPerAttempt_InItsStateColour_WithItsAttemptNumberInTheTooltip()
    {
        var counter = Path.Combine(ui.Folder, "attempts-counter");
        await ui.Server.Api.DeployAsync($$"""
            id: flaky
            namespace: ui.attempts
            tasks:
              - id: third-time-lucky
                type: io.kestra.plugin.scripts.shell.Commands
                retry:
                  type: constant
                  interval: PT0.3S
                  maxAttempts: 3
                commands:
                  - echo x >> '{{counter}}'
                  - test "$(wc -l < '{{counter}}')" -ge 3
            """);
        var execution = await ui.Server.Api.ExecuteAsync("ui.attempts", "flaky", wait: true);
        Assert.Equal("SUCCESS", execution.State());
        var page = await ui.NewPageAsync();
        await page.GotoAsync($"/ui/executions/{execution.Id()}");

        var segments = page.Locator("[data-test=gantt] [data-task=third-time-lucky] [data-test=gantt-segment]");
        await Assertions.Expect(segments).ToHaveCountAsync(3);
        await Assertions.Expect(segments.Nth(0)).ToHaveAttributeAsync("data-state", "FAILED");
        await Assertions.Expect(segments.Nth(1)).ToHaveAttributeAsync("data-state", "FAILED");
        await Assertions.Expect(segments.Nth(2)).ToHaveAttributeAsync("data-state", "SUCCESS");
        await Assertions.Expect(segments.Nth(0)).ToHaveAttributeAsync("title", new System.Text.RegularExpressions.Regex(@"^attempt 1 of 3: FAILED, \d"));
        await Assertions.Expect(segments.Nth(2)).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("bar-success"));
        // The segments follow each other on the time line: the second starts after the first.
        var lefts = await segments.EvaluateAllAsync<double[]>("els => els.map(e => parseFloat(e.style.left))");
        Assert.True(lefts[0] < lefts[1] && lefts[1] < lefts[2], $"segments at {string.Join(", ", lefts)} %");
    }
}
