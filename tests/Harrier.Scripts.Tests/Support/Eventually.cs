using System.Diagnostics;

namespace Harrier.Scripts.Tests.Support;

/// <summary>Bounded polling for facts only the OS knows (a file appears, a process disappears).</summary>
internal static class Eventually
{
    public static async Task<bool> TrueAsync(Func<bool> condition, TimeSpan? timeout = null)
    {
        var limit = Stopwatch.StartNew();
        var budget = timeout ?? TimeSpan.FromSeconds(10);
        while (!condition())
        {
            if (limit.Elapsed > budget)
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
