using System.Globalization;
using Harrier.Bench.Harness;

namespace Harrier.Bench.Ui;

/// <summary>The web UI's scenarios (issue 17), in a real browser against a real server. Skipped (not failed) without Chromium.</summary>
public static class UiCatalog
{
    public static IReadOnlyList<Scenario> Create(BenchSettings settings) => [FirstLoad(settings)];

    private static Scenario FirstLoad(BenchSettings settings)
    {
        var loads = settings.Size(5, 1);
        return new Scenario
        {
            Id = "ui-first-load",
            Title = $"UI: first load of an execution page, cold cache, loopback (median of {loads} new browser contexts), until its task runs and last log line show",
            Size = 1,
            SkipReason = UiFirstLoad.Missing,
            Harrier = () => Run(settings, loads, floor: false),
            Floor = () => Run(settings, loads, floor: true),
            FloorLabel = "the same browser and server: /health rendered as a page (one request, no script)",
            Figure = m => $"{m.HarrierMs.ToString("F0", CultureInfo.InvariantCulture)} ms to interactive ({(m.HarrierMs - m.FloorMs!.Value).ToString("F0", CultureInfo.InvariantCulture)} ms over the floor)",
            Target = "< 500 ms",
            Repetitions = settings.Quick ? 1 : 5,
        };
    }

    private static Measurement Run(BenchSettings settings, int loads, bool floor)
    {
        var (milliseconds, peak) = UiFirstLoad.MeasureAsync(settings.HarrierPath, settings.WorkDirectory, loads, floor).GetAwaiter().GetResult();
        return new Measurement(milliseconds, peak);
    }
}
