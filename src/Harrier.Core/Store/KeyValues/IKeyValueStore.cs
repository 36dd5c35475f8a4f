namespace Harrier.Core.Store.KeyValues;

/// <summary>
/// Namespaced key-value pairs with optional expiry. A put replaces the value and keeps the pair's creation date. Expired
/// pairs are still returned by <see cref="GetAsync"/> (the caller tells "expired" from "missing"); lists leave them out.
/// Contract: <c>Harrier.TestKit.Contracts.KeyValueStoreContract</c>.
/// </summary>
public interface IKeyValueStore
{
    Task<KeyValueEntry> PutAsync(KeyValuePut put, CancellationToken cancellationToken);

    Task<KeyValueEntry?> GetAsync(string ns, string key, CancellationToken cancellationToken);

    /// <summary>False when there was no such key.</summary>
    Task<bool> DeleteAsync(string ns, string key, CancellationToken cancellationToken);

    /// <summary>The namespace's unexpired pairs, by key.</summary>
    Task<IReadOnlyList<KeyValueEntry>> ListAsync(string ns, CancellationToken cancellationToken);
}
