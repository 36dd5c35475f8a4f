using System.Globalization;

namespace Harrier.Docker;

/// <summary>
/// Who a container belongs to (spec §3.3, §12.5 #40): Kestra's <c>kestra.io/…</c> labels, each value cut to 63
/// characters and stripped of trailing <c>-</c>, <c>.</c>, <c>_</c>, plus <c>harrier.io/managed=true</c> which marks
/// the containers Harrier may clean up, and <c>harrier.io/worker</c>, the process that started it, so that the containers
/// of a worker that died are found and removed (<see cref="DockerAttemptReaper"/>). The attempt label gives each retry
/// its own container.
/// </summary>
public sealed record DockerContainerLabels(string Namespace, string FlowId, string TaskId, string ExecutionId, string TaskRunId, int Attempt)
{
    public const string WorkerKey = "harrier.io/worker";

    public const string NamespaceKey = "kestra.io/namespace";
    public const string FlowIdKey = "kestra.io/flow-id";
    public const string TaskIdKey = "kestra.io/task-id";
    public const string ExecutionIdKey = "kestra.io/execution-id";
    public const string TaskRunIdKey = "kestra.io/taskrun-id";
    public const string AttemptKey = "kestra.io/taskrun-attempt";
    public const string ManagedKey = "harrier.io/managed";

    private const int MaxValueLength = 63;

    /// <summary>The worker process that runs the container (<see cref="Core.Engine.Coordination.ProcessIdentity"/> text).</summary>
    public string Worker { get; init; } = Core.Engine.Coordination.ProcessIdentity.Current.ToString();

    /// <summary>The labels as set on the container.</summary>
    public IReadOnlyDictionary<string, string> ToDictionary() => new Dictionary<string, string>(StringComparer.Ordinal)
    {
        [NamespaceKey] = Clean(Namespace),
        [FlowIdKey] = Clean(FlowId),
        [TaskIdKey] = Clean(TaskId),
        [ExecutionIdKey] = Clean(ExecutionId),
        [TaskRunIdKey] = Clean(TaskRunId),
        [AttemptKey] = Attempt.ToString(CultureInfo.InvariantCulture),
        [ManagedKey] = "true",
        [WorkerKey] = Worker,
    };

    /// <summary>Reads the labels of a container Harrier created; null when it is not one of Harrier's.</summary>
    public static DockerContainerLabels? FromDictionary(IDictionary<string, string>? labels)
    {
        if (labels is null || !labels.TryGetValue(ManagedKey, out var managed) || managed != "true")
        {
            return null;
        }

        string Get(string key) => labels.TryGetValue(key, out var value) ? value : "";
        return new DockerContainerLabels(Get(NamespaceKey), Get(FlowIdKey), Get(TaskIdKey), Get(ExecutionIdKey), Get(TaskRunIdKey),
            int.TryParse(Get(AttemptKey), NumberStyles.Integer, CultureInfo.InvariantCulture, out var attempt) ? attempt : 0)
        {
            Worker = Get(WorkerKey),
        };
    }

    /// <summary>Kestra's rule for label values: at most 63 characters, no trailing <c>-</c>, <c>.</c> or <c>_</c>.</summary>
    public static string Clean(string value)
    {
        var cut = value.Length > MaxValueLength ? value[..MaxValueLength] : value;
        return cut.TrimEnd('-', '.', '_');
    }
}
