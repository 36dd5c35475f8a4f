using System.Globalization;
using Harrier.Core.Executions;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.Executions;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Count</c>: counts the executions started from <c>startDate</c> (to <c>endDate</c>)
/// of each flow in <c>flows</c> — zero included, so <c>{{ count == 0 }}</c> finds a flow that did not run — or of each flow
/// with executions in <c>namespaces</c>, in <c>states</c> when given. Keeps the flows whose <c>expression</c>, rendered with
/// <c>count</c>, is true; outputs <c>results</c> [{namespace, flowId, count}] and their <c>total</c>.
/// </summary>
public sealed class CountTask(IExecutionSearch search) : IRunnableTask
{
    public const string Type = "io.kestra.plugin.core.execution.Count";

    private const int PageSize = 500;

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.Any("flows", "Flows to count: a list of {namespace, flowId}."),
        Prop.StringList("namespaces", "Namespaces whose flows with executions are counted."),
        Prop.StringList("states", "Count only executions in these states."),
        Prop.String("startDate", "Count executions started at or after this date (ISO-8601).", required: true),
        Prop.String("endDate", "Count executions started at or before this date (ISO-8601)."),
        Prop.String("expression", "Kept when true, rendered with `count` (e.g. {{ count == 0 }}).", required: true),
    ])
    {
        Aliases = ["io.kestra.plugin.core.execution.Counts", "io.kestra.core.tasks.executions.Counts"],
        Description = "Count executions per flow and keep the flows whose count matches an expression.",
    };

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var flows = ReadFlows(properties.Value("flows"));
        var namespaces = properties.StringList("namespaces");
        if (flows.Count == 0 && namespaces is not { Count: > 0 })
        {
            throw new TaskFailedException("set flows (a list of {namespace, flowId}) or namespaces: Count needs to know which executions to count");
        }

        var common = new List<SearchFilter> { DateFilter(properties.RequiredString("startDate"), "startDate", FilterOperation.GreaterThanOrEqualTo) };
        if (properties.String("endDate") is { Length: > 0 } end)
        {
            common.Add(DateFilter(end, "endDate", FilterOperation.LessThanOrEqualTo));
        }

        if (properties.StringList("states") is { Count: > 0 } states)
        {
            common.Add(new SearchFilter("state", FilterOperation.In, [.. states.Select(s => States.Parse(s).ToName())]));
        }

        var counts = new List<(string Namespace, string FlowId, long Count)>();
        foreach (var (ns, flowId) in flows)
        {
            var page = await search.SearchAsync(new SearchQuery
            {
                Filters = [.. common, new SearchFilter("namespace", FilterOperation.EqualTo, ns), new SearchFilter("flowId", FilterOperation.EqualTo, flowId)],
                Size = 1,
            }, cancellationToken).ConfigureAwait(false);
            counts.Add((ns, flowId, page.Total));
        }

        if (namespaces is { Count: > 0 })
        {
            counts.AddRange(await CountByFlowAsync([.. common, new SearchFilter("namespace", FilterOperation.In, namespaces)], flows, cancellationToken).ConfigureAwait(false));
        }

        var results = new List<object?>();
        long total = 0;
        foreach (var (ns, flowId, count) in counts)
        {
            var kept = context.PropertiesWith(new Dictionary<string, object?> { ["count"] = count }).Value("expression");
            if (kept is true || (kept is string text && text.Trim() == "true"))
            {
                results.Add(new Dictionary<string, object?> { ["namespace"] = ns, ["flowId"] = flowId, ["count"] = count });
                total += count;
            }
        }

        context.Logger.Log(Logs.TaskLogLevel.Debug, $"{results.Count} of {counts.Count} flows match the expression");
        return TaskOutcome.Success(new Dictionary<string, object?> { ["results"] = results, ["total"] = total });
    }

    /// <summary>The executions matching <paramref name="filters"/>, counted per flow (flows already listed left out).</summary>
    private async Task<IEnumerable<(string, string, long)>> CountByFlowAsync(
        List<SearchFilter> filters, IReadOnlyList<(string Namespace, string FlowId)> listed, CancellationToken cancellationToken)
    {
        var byFlow = new SortedDictionary<(string, string), long>();
        for (var number = 1; ; number++)
        {
            var page = await search.SearchAsync(new SearchQuery { Filters = filters, Page = number, Size = PageSize }, cancellationToken).ConfigureAwait(false);
            foreach (var execution in page.Results.Where(e => !listed.Contains((e.Namespace, e.FlowId))))
            {
                byFlow[(execution.Namespace, execution.FlowId)] = byFlow.GetValueOrDefault((execution.Namespace, execution.FlowId)) + 1;
            }

            if (page.Results.Count < PageSize)
            {
                return byFlow.Select(entry => (entry.Key.Item1, entry.Key.Item2, entry.Value));
            }
        }
    }

    private static List<(string Namespace, string FlowId)> ReadFlows(object? value)
    {
        if (value is null)
        {
            return [];
        }

        if (value is not IEnumerable<object?> items || value is string)
        {
            throw new TaskFailedException("flows must be a list of {namespace, flowId}");
        }

        return [.. items.Select((item, i) => item is IReadOnlyDictionary<string, object?> flow && flow.GetValueOrDefault("namespace") is string ns && flow.GetValueOrDefault("flowId") is string id
            ? (ns, id)
            : throw new TaskFailedException($"flows[{i}] must have a namespace and a flowId"))];
    }

    private static SearchFilter DateFilter(string text, string property, FilterOperation operation) =>
        new("startDate", operation, PropertyDates.Iso(text, property));
}
