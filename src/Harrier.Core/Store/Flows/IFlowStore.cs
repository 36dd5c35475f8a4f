using Harrier.Core.Store.Search;

namespace Harrier.Core.Store.Flows;

/// <summary>
/// Deployed flows with every revision (the server's flow repository). A write is one transaction: a namespace replaced
/// at once is replaced entirely or not at all. Reads see committed revisions only. Contract:
/// <c>Harrier.TestKit.Contracts.FlowStoreContract</c>.
/// </summary>
public interface IFlowStore
{
    /// <summary>
    /// Stores <paramref name="flow"/> as a new revision (the flow's next number) unless its source equals the latest
    /// revision's, under <paramref name="mode"/>'s rule. A deleted flow counts as absent; re-creating it continues its numbers.
    /// </summary>
    Task<FlowSaveResult> SaveAsync(FlowDocument flow, FlowSaveMode mode, CancellationToken cancellationToken);

    /// <summary>
    /// Upserts every flow of <paramref name="flows"/> (all in <paramref name="ns"/>, ids distinct) and, when
    /// <paramref name="deleteMissing"/>, deletes the namespace's flows not among them — one transaction. Returns the deleted
    /// flows first, then one result per given flow in order.
    /// </summary>
    Task<IReadOnlyList<FlowSaveResult>> ReplaceNamespaceAsync(string ns, IReadOnlyList<FlowDocument> flows, bool deleteMissing, CancellationToken cancellationToken);

    /// <summary>Records the flow's deletion as a new revision; false when there is no such (undeleted) flow.</summary>
    Task<bool> DeleteAsync(string ns, string id, CancellationToken cancellationToken);

    /// <summary>
    /// The latest revision (or <paramref name="revision"/>), or null. A deleted flow is null unless
    /// <paramref name="allowDeleted"/>; its latest is then its deletion revision.
    /// </summary>
    Task<StoredFlow?> GetAsync(string ns, string id, int? revision, bool allowDeleted, CancellationToken cancellationToken);

    /// <summary>Every revision that holds a document (deletion markers left out), oldest first.</summary>
    Task<IReadOnlyList<StoredFlow>> ListRevisionsAsync(string ns, string id, CancellationToken cancellationToken);

    /// <summary>
    /// Latest revisions of undeleted flows. Fields: <c>namespace</c>, <c>id</c>, <c>q</c> (Contains in id or namespace), <c>labels</c>.
    /// Sorts: <c>id</c>, <c>namespace</c>, <c>revision</c>, <c>updated</c>; default namespace then id.
    /// </summary>
    Task<Page<StoredFlow>> SearchAsync(SearchQuery query, CancellationToken cancellationToken);

    /// <summary>Namespaces that hold at least one undeleted flow, in order.</summary>
    Task<IReadOnlyList<string>> ListNamespacesAsync(CancellationToken cancellationToken);
}
