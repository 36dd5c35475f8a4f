namespace Harrier.Core.Engine.Recovery;

/// <summary>
/// Finds what dead Harrier processes left running in one kind of runner (containers of the Docker runner…) and removes
/// it, so an interrupted attempt never runs beside its re-run. Process trees are handled by <see cref="LeftoverSweeper"/>.
/// </summary>
public interface IAttemptReaper
{
    /// <summary>Removes everything started by a worker for which <paramref name="isDeadWorker"/> says true; returns a line per thing removed.</summary>
    Task<IReadOnlyList<string>> ReapAsync(Func<string, bool> isDeadWorker, CancellationToken cancellationToken);
}
