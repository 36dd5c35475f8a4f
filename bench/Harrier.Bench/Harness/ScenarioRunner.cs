namespace Harrier.Bench.Harness;

/// <summary>
/// Runs a scenario: warm-ups (discarded: first runs pay for JIT, page cache and SQLite file creation),
/// then repetitions alternating Harrier and floor. The order flips every repetition (H,F then F,H) so
/// neither side systematically runs right after the other's cache effects or a noisy neighbour's burst.
/// </summary>
public sealed class ScenarioRunner(BenchSettings settings, TextWriter progress)
{
    public ScenarioResult Run(Scenario scenario)
    {
        if (scenario.SkipReason?.Invoke() is { } reason)
        {
            progress.WriteLine($"  skipped: {reason}");
            return Summarise(scenario, 0, [], [], 0) with { Skipped = reason };
        }

        var warmUps = settings.Quick ? 0 : scenario.WarmUps ?? settings.WarmUps;
        var repetitions = settings.Quick ? 1 : scenario.Repetitions ?? settings.Repetitions;
        var harrier = new List<Measurement>();
        var floor = new List<Measurement>();
        long floorPeak = 0;
        try
        {
            scenario.Setup?.Invoke();
            for (var i = 0; i < warmUps; i++)
            {
                progress.WriteLine($"  warm-up {i + 1}/{warmUps}");
                scenario.Harrier();
                scenario.Floor?.Invoke();
            }

            for (var i = 0; i < repetitions; i++)
            {
                var harrierFirst = i % 2 == 0;
                if (harrierFirst)
                {
                    harrier.Add(scenario.Harrier());
                }

                if (scenario.Floor is { } runFloor)
                {
                    floor.Add(runFloor());
                }

                if (!harrierFirst)
                {
                    harrier.Add(scenario.Harrier());
                }

                progress.WriteLine($"  repetition {i + 1}/{repetitions}: Harrier {harrier[^1].Milliseconds:F1} ms" +
                    (floor.Count > 0 ? $", floor {floor[^1].Milliseconds:F1} ms" : ""));
            }

            floorPeak = scenario.FloorPeakRssKb?.Invoke() ?? 0;
        }
        catch (Exception exception)
        {
            progress.WriteLine($"  FAILED: {exception.Message}");
            return Summarise(scenario, repetitions, harrier, floor, floorPeak) with { Error = exception.Message };
        }

        return Summarise(scenario, repetitions, harrier, floor, floorPeak);
    }

    private static ScenarioResult Summarise(Scenario scenario, int repetitions, List<Measurement> harrier, List<Measurement> floor, long floorPeak)
    {
        var harrierSamples = harrier.Select(m => m.Milliseconds).ToList();
        var floorSamples = floor.Select(m => m.Milliseconds).ToList();
        double? harrierMedian = harrierSamples.Count > 0 ? Statistics.Median(harrierSamples) : null;
        double? floorMedian = floorSamples.Count > 0 ? Statistics.Median(floorSamples) : null;
        var medians = harrierMedian is { } h ? new ScenarioMedians(scenario.Size, h, floorMedian) : null;
        return new ScenarioResult
        {
            Id = scenario.Id,
            Title = scenario.Title,
            Size = scenario.Size,
            FloorLabel = scenario.FloorLabel,
            Repetitions = repetitions,
            HarrierMs = harrierMedian,
            FloorMs = floorMedian,
            Ratio = medians?.Ratio,
            // Peak memory is a maximum over repetitions: the question it answers is "how much must a
            // machine have", which the worst run decides.
            HarrierPeakRssKb = harrier.Count > 0 ? harrier.Max(m => m.PeakRssKb) : 0,
            FloorPeakRssKb = floorPeak,
            Figure = medians is null ? null : scenario.Figure(medians),
            Target = scenario.Target,
            HarrierSamplesMs = harrierSamples,
            FloorSamplesMs = floorSamples,
            Notes = new[] { harrier.LastOrDefault()?.Note, floor.LastOrDefault()?.Note }.OfType<string>().ToList(),
        };
    }
}
