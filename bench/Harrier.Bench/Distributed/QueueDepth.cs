using System.Globalization;
using System.Text.RegularExpressions;
using Harrier.Bench.Server;

namespace Harrier.Bench.Distributed;

/// <summary>The queue's depth as any process reports it on <c>/metrics</c> (<c>harrier_queue_jobs{status}</c>, read from the database).</summary>
public static partial class QueueDepth
{
    /// <summary>Until <paramref name="count"/> jobs wait in the queue (every submitted execution planned), at most 5 minutes.</summary>
    public static async Task WaitForWaitingJobsAsync(BenchServer process, int count)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(5);
        while (true)
        {
            var metrics = await http.GetStringAsync(new Uri(process.Root, "/metrics"));
            var waiting = (long)double.Parse(Waiting().Match(metrics).Groups[1].Value, CultureInfo.InvariantCulture);
            if (waiting >= count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{waiting} of {count} jobs queued within 5 minutes");
            }

            await Task.Delay(200);
        }
    }

    [GeneratedRegex(@"^harrier_queue_jobs\{status=""waiting""\} (\S+)$", RegexOptions.Multiline)]
    private static partial Regex Waiting();
}
