namespace Harrier.Cli.Tests.Durability;

/// <summary>How many trials the crash and concurrency theories run: their default in CI, more under <c>scripts/stress</c>.</summary>
internal static class StressTrials
{
    public static int Count(int byDefault) =>
        int.TryParse(Environment.GetEnvironmentVariable("HARRIER_STRESS_TRIALS"), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var count) && count > 0
            ? count
            : byDefault;
}
