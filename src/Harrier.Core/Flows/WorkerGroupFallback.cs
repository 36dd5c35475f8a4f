namespace Harrier.Core.Flows;

/// <summary>
/// What a task of a worker group does while no worker of that group is alive (<c>workerGroup.fallback</c>, Kestra EE's
/// values): wait for one (the default since Kestra 0.20), fail the task run, or cancel it.
/// </summary>
public enum WorkerGroupFallback
{
    Wait,
    Fail,
    Cancel,
}
