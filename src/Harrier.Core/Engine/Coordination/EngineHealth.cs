using Harrier.Core.Store;

namespace Harrier.Core.Engine.Coordination;

/// <summary>
/// Environmental failures the engine's loops met (<see cref="StoreFailedException"/>: a full disk…). The loops keep
/// retrying — a server recovers once space is freed — while whoever waits on the engine (<c>harrier run</c>) can stop and
/// say why instead of waiting for ever.
/// </summary>
public sealed class EngineHealth
{
    private readonly TaskCompletionSource<StoreFailedException> _failed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes with the first store failure met.</summary>
    public Task<StoreFailedException> Failed => _failed.Task;

    public void Report(StoreFailedException failure) => _failed.TrySetResult(failure);
}
