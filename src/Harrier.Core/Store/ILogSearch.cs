using Harrier.Core.Executions;
using Harrier.Core.Store.Search;

namespace Harrier.Core.Store;

/// <summary>
/// Log lines across executions, a page at a time (the API's <c>/logs/search</c>). Fields: <c>namespace</c>,
/// <c>flowId</c>, <c>executionId</c>, <c>taskId</c>, <c>taskRunId</c>, <c>level</c> (the lowest level kept),
/// <c>startDate</c>/<c>endDate</c> (the line's timestamp), <c>q</c> (Contains in the message). Sort: <c>timestamp</c>
/// (default newest first). Contract: <c>Harrier.TestKit.Contracts.LogSearchContract</c>.
/// </summary>
public interface ILogSearch
{
    Task<Page<LogEntry>> SearchAsync(SearchQuery query, CancellationToken cancellationToken);
}
