using Harrier.Core.Engine.Coordination;
using Npgsql;

namespace Harrier.Persistence.Postgres;

/// <summary>
/// One connection per process that LISTENs on the store's channels (<see cref="Notifications"/>) and raises what it hears
/// (<see cref="IStoreNotifications"/>). When the connection breaks it reconnects after a short pause; what was notified
/// meanwhile is lost, which the engine's bounded polls make up for. Started on first subscription.
/// </summary>
public sealed class PostgresNotificationListener : IStoreNotifications, IAsyncDisposable
{
    private static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(500);

    private readonly string _connectionString;
    private readonly CancellationTokenSource _stop = new();
    private readonly object _gate = new();
    private Task? _loop;

    /// <param name="connectionString">The store's; the listening connection is opened outside its pool, so a connection
    /// that ran LISTEN never goes back to it (the pool does not reset connections).</param>
    internal PostgresNotificationListener(string connectionString) =>
        _connectionString = new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false, KeepAlive = 30 }.ConnectionString;

    public event Action? JobsAvailable
    {
        add { Subscribe(ref _jobs, value); }
        remove { _jobs -= value; }
    }

    public event Action? ExecutionsChanged
    {
        add { Subscribe(ref _wakeups, value); }
        remove { _wakeups -= value; }
    }

    public event Action<string>? ExecutionEnded
    {
        add { Subscribe(ref _ends, value); }
        remove { _ends -= value; }
    }

    public event Action<string>? KillRequested
    {
        add { Subscribe(ref _kills, value); }
        remove { _kills -= value; }
    }

    private Action? _jobs;
    private Action? _wakeups;
    private Action<string>? _ends;
    private Action<string>? _kills;

    /// <summary>Completes once the listening connection has run its LISTEN statements (tests wait for it before notifying).</summary>
    public Task Listening => _listening.Task;

    private readonly TaskCompletionSource _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync().ConfigureAwait(false);
        if (_loop is { } loop)
        {
            try
            {
                await loop.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }

        _stop.Dispose();
    }

    private void Subscribe<T>(ref T? field, T? handler)
        where T : Delegate
    {
        lock (_gate)
        {
            field = (T?)Delegate.Combine(field, handler);
            _loop ??= Task.Run(() => RunAsync(_stop.Token));
        }
    }

    private async Task RunAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                var connection = new NpgsqlConnection(_connectionString);
                await using (connection.ConfigureAwait(false))
                {
                    await connection.OpenAsync(cancellationToken).ConfigureAwait(false);
                    connection.Notification += (_, e) => Raise(e.Channel, e.Payload);
                    await using (var listen = new NpgsqlCommand(
                        $"LISTEN {Notifications.Jobs}; LISTEN {Notifications.Wakeups}; LISTEN {Notifications.Ends}; LISTEN {Notifications.Kills}", connection))
                    {
                        await listen.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
                    }

                    _listening.TrySetResult();
                    // Something may have happened while we were not listening: one look of every kind.
                    Raise(Notifications.Jobs, "");
                    Raise(Notifications.Wakeups, "");
                    while (!cancellationToken.IsCancellationRequested)
                    {
                        await connection.WaitAsync(cancellationToken).ConfigureAwait(false);
                    }
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is NpgsqlException or IOException or TimeoutException or Core.Store.StoreFailedException)
            {
                await Task.Delay(ReconnectPause, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    private void Raise(string channel, string payload)
    {
        try
        {
            switch (channel)
            {
                case Notifications.Jobs:
                    _jobs?.Invoke();
                    break;
                case Notifications.Wakeups:
                    _wakeups?.Invoke();
                    break;
                case Notifications.Ends:
                    _ends?.Invoke(payload);
                    break;
                case Notifications.Kills:
                    _kills?.Invoke(payload);
                    break;
            }
        }
        catch (ObjectDisposedException)
        {
            // A subscriber (an engine) is being disposed: it no longer needs to look.
        }
    }
}
