using Harrier.Core.Engine.Coordination;

namespace Harrier.Core.Engine;

/// <summary>Settings of the executor and workers of one Harrier process.</summary>
public sealed record EngineOptions
{
    /// <summary>Task runs a worker executes at once. Default: the number of processor cores, at least 2.</summary>
    public int WorkerSlots { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>Executions planned at once (each by one slot). Default 2.</summary>
    public int ExecutorSlots { get; init; } = 2;

    /// <summary>
    /// How long a claimed job belongs to its worker without a renewal (renewed every third of it). A worker that dies
    /// or stalls longer loses the job to another worker of the same owner scope. Default 30 s.
    /// </summary>
    public TimeSpan LeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long a claimed execution belongs to one executor slot for a planning pass. Default 30 s.</summary>
    public TimeSpan PlanningLeaseDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long a finished attempt's execution waits to be planned when the worker's next job is of the same execution
    /// (a ForEach or Parallel with many iterations queued), so that several completions are planned in one pass.
    /// Nothing waits when no more of the execution's work is queued. Zero turns it off. Default 2 ms.
    /// </summary>
    public TimeSpan PlanningBatchWindow { get; init; } = TimeSpan.FromMilliseconds(2);

    /// <summary>How often an idle worker slot looks at the queue even without a nudge (other processes enqueue too). Default 1 s.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often an idle executor slot looks for wake-ups even without a nudge (kills stored by other processes). Default 250 ms.</summary>
    public TimeSpan ExecutorPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a worker running tasks looks for kill requests stored by other processes. Default 250 ms.</summary>
    public TimeSpan KillPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How often a wait for an execution's end re-reads it when this process did not end it. Default 250 ms.</summary>
    public TimeSpan EndPollInterval { get; init; } = TimeSpan.FromMilliseconds(250);

    /// <summary>Prefix of the scratch folders processes make under <see cref="TempDirectory"/>.</summary>
    public const string ScratchPrefix = "p-";

    /// <summary>
    /// Folder under which this engine makes its scratch folder (working directories of attempts, 0700 each). Default:
    /// <c>&lt;temp&gt;/harrier-&lt;uid&gt;</c>, one per user; it must belong to this user and be closed to others, or tasks
    /// fail saying so (<see cref="Storage.PrivateFolder"/>).
    /// </summary>
    public string TempDirectory { get; init; } = Storage.PrivateFolder.UserTempPath("harrier");

    /// <summary>
    /// This engine's own folder under <see cref="TempDirectory"/>, named after its process and instance
    /// (<c>p-host-pid-start.instance</c>): created at start, deleted at a graceful stop, and swept by the next Harrier
    /// process on this machine when this one died. One per engine, as one process may host several (tests do).
    /// </summary>
    public string ScratchDirectory =>
        Path.Combine(TempDirectory, $"{ScratchPrefix}{ProcessIdentity.TryParse(ProcessId)?.ToFileName() ?? ProcessId.Replace(':', '-')}.{InstanceId}");

    /// <summary>Tells engines of one process apart (scratch folders). Random by default.</summary>
    public string InstanceId { get; init; } = Ids.New(8);

    /// <summary>This process, as written in leases, owners and marks (see <see cref="ProcessIdentity"/>).</summary>
    public string ProcessId { get; init; } = ProcessIdentity.Current.ToString();

    /// <summary>
    /// The owner scope this engine works on: executions it submits get this owner, and its executor and workers take only
    /// executions with it. <c>harrier run</c> and <c>recover</c> use their <see cref="ProcessId"/>; a server uses null (the pool).
    /// </summary>
    public string? Owner { get; init; }

    /// <summary>What this process is, as shown in the process registry: run, recover, server.</summary>
    public string ProcessKind { get; init; } = "run";

    /// <summary>Identifies this engine's worker in leases (worker slots add <c>:slot</c>).</summary>
    public string WorkerId => $"{ProcessId}/{InstanceId}";

    /// <summary>The executor id under which this engine's workers hand planning leases to its executor.</summary>
    public string HandOffExecutorId => $"{ProcessId}/{InstanceId}:executor";

    /// <summary>The worker group of this process's worker (null: group-less jobs only).</summary>
    public string? WorkerGroup { get; init; }

    /// <summary>
    /// Whether this engine plans executions (the executor role; in the pool it also applies worker group fallbacks).
    /// Default true; false in <c>server worker</c>, <c>server scheduler</c> and <c>server webserver</c>.
    /// </summary>
    public bool RunsExecutor { get; init; } = true;

    /// <summary>Whether this engine claims and runs jobs (the worker role). Default true; false in the other server roles.</summary>
    public bool RunsWorker { get; init; } = true;

    /// <summary>Folders whose files <c>file://</c> URIs in inputFiles may read (Kestra's <c>kestra.local-files.allowed-paths</c>). None by default.</summary>
    public IReadOnlyList<string> AllowedLocalPaths { get; init; } = [];

    public void Validate()
    {
        if (WorkerSlots < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(WorkerSlots), WorkerSlots, "A worker needs at least one slot.");
        }

        if (ExecutorSlots < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(ExecutorSlots), ExecutorSlots, "An executor needs at least one slot.");
        }

        if (LeaseDuration < TimeSpan.FromSeconds(1) || PlanningLeaseDuration < TimeSpan.FromSeconds(1))
        {
            throw new ArgumentOutOfRangeException(nameof(LeaseDuration), LeaseDuration, "Leases shorter than a second would expire under normal load.");
        }

        // The window is spent holding the planning lease: it must stay far below the lease's duration.
        if (PlanningBatchWindow < TimeSpan.Zero || PlanningBatchWindow > TimeSpan.FromMilliseconds(100))
        {
            throw new ArgumentOutOfRangeException(nameof(PlanningBatchWindow), PlanningBatchWindow, "The planning batch window must be between 0 and 100 ms.");
        }
    }
}
