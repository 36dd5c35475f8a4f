namespace Harrier.Bench.Harness;

internal static class Statistics
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
}
