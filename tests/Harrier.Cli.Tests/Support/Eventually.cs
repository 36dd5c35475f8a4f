using System.Diagnostics;

namespace Harrier.Cli.Tests.Support;

/// <summary>Bounded polling for facts only the OS knows (a file appears, a process disappears).</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan timeout)
    {
        var limit = Stopwatch.StartNew();
        while (!condition())
        {
            if (limit.Elapsed > timeout)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
