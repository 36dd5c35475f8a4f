using Harrier.Core.Flows;

namespace Harrier.Server.Hosting;

/// <summary>
/// The flows of <c>harrier run --flows DIR</c>: every valid flow file under the folders (and the flow being run), read
/// once, when a Subflow first asks. A file has one revision, so a Subflow naming another revision does not find it.
/// A file that does not load is skipped (it is reported when a Subflow asks for a flow that is not found).
/// </summary>
public sealed class DirectoryFlowRepository(IReadOnlyList<string> directories, FlowDefinition? running) : IFlowRepository
{
    private readonly Lazy<Dictionary<(string, string), FlowDefinition>> _flows = new(() => Read(directories, running));

    public string Where => directories.Count == 0
        ? "(harrier run finds other flows only in the folders given with --flows DIR)"
        : $"among the flows under {string.Join(", ", directories)}";

    public Task<FlowDefinition?> FindAsync(string ns, string id, int? revision, CancellationToken cancellationToken) =>
        Task.FromResult(_flows.Value.TryGetValue((ns, id), out var flow) && (revision is null || revision == flow.Revision) ? flow : null);

    private static Dictionary<(string, string), FlowDefinition> Read(IReadOnlyList<string> directories, FlowDefinition? running)
    {
        var loader = HarrierHost.CreateFlowLoader();
        var flows = new Dictionary<(string, string), FlowDefinition>();
        foreach (var directory in directories)
        {
            foreach (var file in Directory.EnumerateFiles(directory, "*.*", SearchOption.AllDirectories).Where(f => f.EndsWith(".yml", StringComparison.Ordinal) || f.EndsWith(".yaml", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                if (loader.LoadFile(file).Flow is { } flow)
                {
                    flows.TryAdd((flow.Namespace, flow.Id), flow);
                }
            }
        }

        if (running is not null)
        {
            flows[(running.Namespace, running.Id)] = running;
        }

        return flows;
    }
}
