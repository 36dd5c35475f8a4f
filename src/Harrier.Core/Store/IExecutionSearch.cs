using Harrier.Core.Executions;
using Harrier.Core.Store.Search;

namespace Harrier.Core.Store;

/// <summary>
/// Executions found by filters, a page at a time, for the API. Fields: <c>id</c>, <c>namespace</c>, <c>flowId</c>,
/// <c>state</c> (Kestra's names), <c>startDate</c> (when created) and <c>endDate</c> (ISO-8601), <c>labels</c>, <c>q</c>
/// (Contains in id, namespace or flow id). Sorts: <c>id</c>, <c>namespace</c>, <c>flowId</c>, <c>state</c>,
/// <c>startDate</c>, <c>endDate</c>; default newest first. Results come without flow documents, as
/// <see cref="IExecutionStore.GetExecutionAsync"/> returns them. Contract: <c>Harrier.TestKit.Contracts.ExecutionSearchContract</c>.
/// </summary>
public interface IExecutionSearch
{
    Task<Page<Execution>> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>How many executions are in each state (states with none left out).</summary>
    Task<IReadOnlyDictionary<State, long>> CountByStateAsync(CancellationToken cancellationToken);
}
