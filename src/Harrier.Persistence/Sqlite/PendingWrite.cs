namespace Harrier.Persistence.Sqlite;

/// <summary>
/// One caller's write waiting for the writer connection (see <see cref="SqliteDatabase.WriteAsync{T}"/>): whoever holds
/// the write lock runs every pending write in one transaction and completes each only after the COMMIT.
/// </summary>
/// <remarks>
/// A write is taken by exactly one side: a leader that runs it (<see cref="TryTake"/>), or its caller giving up while
/// still waiting for the lock (<see cref="TryWithdraw"/>). So a caller told "cancelled" knows its write never ran, and a
/// caller whose write was taken always learns its outcome.
/// </remarks>
internal abstract class PendingWrite(CancellationToken cancellationToken)
{
    private const int Waiting = 0;
    private const int Taken = 1;
    private const int Withdrawn = 2;

    private int _state;

    public CancellationToken CancellationToken { get; } = cancellationToken;

    public abstract bool IsCompleted { get; }

    /// <summary>True when this leader now owns the write (it must then complete or fail it).</summary>
    public bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Waiting) == Waiting;

    /// <summary>True when the caller withdrew the write before any leader took it: it will never run.</summary>
    public bool TryWithdraw() => Interlocked.CompareExchange(ref _state, Withdrawn, Waiting) == Waiting;

    /// <summary>Runs the caller's work inside the open transaction; its result is kept until <see cref="Complete"/>.</summary>
    public abstract void Run(SqliteWrite write);

    /// <summary>Hands the kept result to the caller (after the COMMIT).</summary>
    public abstract void Complete();

    public abstract void Fail(Exception exception);
}

internal sealed class PendingWrite<T>(Func<SqliteWrite, T> work, CancellationToken cancellationToken) : PendingWrite(cancellationToken)
{
    // Continuations run off the leader's thread: the leader still holds the write lock when it completes the others.
    private readonly TaskCompletionSource<T> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T _result = default!;

    public Task<T> Task => _outcome.Task;

    public override bool IsCompleted => _outcome.Task.IsCompleted;

    public override void Run(SqliteWrite write) => _result = work(write);

    public override void Complete() => _outcome.TrySetResult(_result);

    public override void Fail(Exception exception) => _outcome.TrySetException(exception);
}
