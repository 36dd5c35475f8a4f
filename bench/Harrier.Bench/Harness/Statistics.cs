namespace Harrier.Bench.Harness;

public static class Statistics
{
    /// <summary>
    /// Medians rather than means: on a shared machine a single repetition can stall for seconds behind
    /// someone else's build, and one such outlier must not move the figure.
    /// </summary>
    public static double Median(IReadOnlyList<double> values)
    {
        var sorted = values.Order().ToArray();
        var middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }

    /// <summary>The nearest-rank percentile (<paramref name="percent"/> in 0–100) of <paramref name="values"/>.</summary>
    public static double Percentile(IReadOnlyList<double> values, double percent)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(percent / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }
}
