using Microsoft.Extensions.Time.Testing;
using Xunit;
using static Harrier.TestKit.Contracts.ContractData;

namespace Harrier.TestKit.Contracts;

/// <summary>The base of the contract suites over the server's seams: a fresh, empty backend per test on a fake clock.</summary>
public abstract class ServerSeamsContract : IAsyncLifetime
{
    private ServerSeams? _seams;

    protected FakeTimeProvider Time { get; } = new(T0);

    protected ServerSeams Seams => _seams ?? throw new InvalidOperationException("InitializeAsync has not run.");

    protected static CancellationToken Ct => CancellationToken.None;

    /// <summary>A fresh, empty backend reading time from <paramref name="time"/>.</summary>
    protected abstract Task<ServerSeams> CreateAsync(TimeProvider time);

    public async Task InitializeAsync() => _seams = await CreateAsync(Time);

    public virtual Task DisposeAsync() => Task.CompletedTask;
}
