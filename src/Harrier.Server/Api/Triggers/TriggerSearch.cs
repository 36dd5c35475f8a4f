using Harrier.Core.Store.Search;
using Harrier.Server.Api.Errors;

namespace Harrier.Server.Api.Triggers;

/// <summary>
/// Kestra's trigger search over the scheduler's state: <c>q</c> (in namespace, flow or trigger id), <c>namespace</c>,
/// <c>flowId</c>, <c>triggerId</c> with the text operations, <c>namespace</c> PREFIX meaning the namespace or one under it.
/// Sorted by namespace, flow, trigger unless <c>sort</c> says otherwise. Filtered in memory: there is one row per trigger.
/// </summary>
public static class TriggerSearch
{
    private static readonly Dictionary<string, Func<ApiTriggerContext, string>> Fields = new(StringComparer.Ordinal)
    {
        ["namespace"] = c => c.Namespace,
        ["flowId"] = c => c.FlowId,
        ["triggerId"] = c => c.TriggerId,
        ["type"] = c => c.Type,
    };

    private static readonly Dictionary<string, Func<ApiTriggerContext, IComparable?>> SortFields = new(StringComparer.Ordinal)
    {
        ["namespace"] = c => c.Namespace,
        ["flowId"] = c => c.FlowId,
        ["triggerId"] = c => c.TriggerId,
        ["date"] = c => c.Date,
        ["nextExecutionDate"] = c => c.NextExecutionDate,
        ["updatedDate"] = c => c.UpdatedDate,
    };

    /// <summary>Kestra's older parameters: q, namespace (a prefix), flowId.</summary>
    public static void Legacy(IQueryCollection query, List<SearchFilter> filters)
    {
        foreach (var (parameter, field, operation) in new[] { ("q", "q", FilterOperation.Contains), ("namespace", "namespace", FilterOperation.Prefix), ("flowId", "flowId", FilterOperation.EqualTo) })
        {
            if (query[parameter].ToString() is { Length: > 0 } value)
            {
                filters.Add(new SearchFilter(field, operation, value));
            }
        }
    }

    public static bool Matches(ApiTriggerContext context, IReadOnlyList<SearchFilter> filters) => filters.All(f => Matches(context, f));

    public static IEnumerable<ApiTriggerContext> Sort(IEnumerable<ApiTriggerContext> contexts, IReadOnlyList<SortOrder> sort)
    {
        var ordered = contexts.OrderBy(c => 0);
        foreach (var order in sort)
        {
            var key = SortFields.GetValueOrDefault(order.Field)
                ?? throw ApiException.IllegalArgument($"triggers cannot be sorted by '{order.Field}'; use one of {string.Join(", ", SortFields.Keys)}");
            ordered = order.Descending ? ordered.ThenByDescending(key) : ordered.ThenBy(key);
        }

        return ordered.ThenBy(c => c.Namespace, StringComparer.Ordinal).ThenBy(c => c.FlowId, StringComparer.Ordinal).ThenBy(c => c.TriggerId, StringComparer.Ordinal);
    }

    private static bool Matches(ApiTriggerContext context, SearchFilter filter)
    {
        if (filter.Field == "q")
        {
            return Fields.Values.Any(field => field(context).Contains(filter.Value, StringComparison.OrdinalIgnoreCase));
        }

        var value = (Fields.GetValueOrDefault(filter.Field)
            ?? throw ApiException.IllegalArgument($"triggers cannot be filtered by '{filter.Field}'; use q, {string.Join(", ", Fields.Keys)}"))(context);
        return filter.Operation switch
        {
            FilterOperation.EqualTo => value == filter.Value,
            FilterOperation.NotEqualTo => value != filter.Value,
            FilterOperation.In => filter.Values.Contains(value),
            FilterOperation.NotIn => !filter.Values.Contains(value),
            FilterOperation.Contains => value.Contains(filter.Value, StringComparison.OrdinalIgnoreCase),
            FilterOperation.StartsWith => value.StartsWith(filter.Value, StringComparison.Ordinal),
            FilterOperation.EndsWith => value.EndsWith(filter.Value, StringComparison.Ordinal),
            FilterOperation.Prefix => value == filter.Value || value.StartsWith(filter.Value + ".", StringComparison.Ordinal),
            _ => throw ApiException.IllegalArgument($"'{filter.Field}' of a trigger cannot be compared with {filter.Operation}; use EQUALS, IN, CONTAINS, STARTS_WITH or PREFIX"),
        };
    }
}
