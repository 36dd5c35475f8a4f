using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Cli.Executions;

/// <summary>Reads an execution's stored log lines page by page.</summary>
public static class LogReading
{
    public const int PageSize = 10_000;

    public static async Task<IReadOnlyList<LogEntry>> ReadAllAsync(ILogStore logs, string executionId, CancellationToken cancellationToken)
    {
        var all = new List<LogEntry>();
        long after = 0;
        while (true)
        {
            var page = await logs.ReadAsync(executionId, after, PageSize, cancellationToken).ConfigureAwait(false);
            if (page.Count == 0)
            {
                return all;
            }

            all.AddRange(page);
            after = page[^1].Sequence;
        }
    }
}
