using System.Globalization;
using System.Text.RegularExpressions;
using Harrier.Core.Store.Search;
using Harrier.Core.Time;
using Harrier.Server.Api.Errors;

namespace Harrier.Server.Api.Search;

/// <summary>
/// Reads Kestra's search parameters: <c>page</c>, <c>size</c>, <c>sort=field:asc|desc</c> (repeatable),
/// <c>filters[field][OP]=value</c> (labels: <c>filters[labels][OP][key]=value</c>; IN/NOT_IN: repeated or comma-separated)
/// and the legacy parameters an endpoint maps. <c>timeRange</c> (ISO-8601, e.g. PT1H) becomes a start-date lower bound;
/// <c>scope</c> and <c>childFilter</c> are accepted and ignored (Harrier has no system flows nor subflows).
/// </summary>
public static partial class SearchRequest
{
    public const int MaxSize = 10_000;

    private static readonly Dictionary<string, FilterOperation> Operations = new(StringComparer.OrdinalIgnoreCase)
    {
        ["EQUALS"] = FilterOperation.EqualTo,
        ["NOT_EQUALS"] = FilterOperation.NotEqualTo,
        ["IN"] = FilterOperation.In,
        ["NOT_IN"] = FilterOperation.NotIn,
        ["CONTAINS"] = FilterOperation.Contains,
        ["STARTS_WITH"] = FilterOperation.StartsWith,
        ["ENDS_WITH"] = FilterOperation.EndsWith,
        ["PREFIX"] = FilterOperation.Prefix,
        ["GREATER_THAN"] = FilterOperation.GreaterThan,
        ["GREATER_THAN_OR_EQUAL_TO"] = FilterOperation.GreaterThanOrEqualTo,
        ["LESS_THAN"] = FilterOperation.LessThan,
        ["LESS_THAN_OR_EQUAL_TO"] = FilterOperation.LessThanOrEqualTo,
    };

    private static readonly HashSet<string> Ignored = new(StringComparer.Ordinal) { "scope", "childFilter" };

    /// <summary>
    /// The query of a request. <paramref name="legacy"/> turns the old single parameters into filters (it may add
    /// several); <paramref name="sortFields"/> renames Kestra's sort names (<c>state.startDate</c>) to the store's.
    /// </summary>
    public static SearchQuery Read(HttpRequest request, TimeProvider time, Action<IQueryCollection, List<SearchFilter>> legacy, IReadOnlyDictionary<string, string>? sortFields = null)
    {
        var filters = new List<SearchFilter>();
        foreach (var (name, values) in request.Query)
        {
            if (!name.StartsWith("filters[", StringComparison.Ordinal))
            {
                continue;
            }

            filters.AddRange(Parse(name, values.Where(v => v is not null).Select(v => v!).ToList(), time));
        }

        legacy(request.Query, filters);
        return new SearchQuery
        {
            Filters = filters,
            Sort = [.. request.Query["sort"].Where(s => !string.IsNullOrEmpty(s)).SelectMany(s => s!.Split(',')).Select(s => Sort(s, sortFields))],
            Page = Number(request.Query, "page", 1, int.MaxValue, 1),
            Size = Number(request.Query, "size", 1, MaxSize, 10),
        };
    }

    /// <summary>A start-date lower bound <paramref name="range"/> before now (the <c>timeRange</c> filter and parameter).</summary>
    public static SearchFilter TimeRange(string range, TimeProvider time) =>
        IsoDuration.TryParse(range, out var duration)
            ? new SearchFilter("startDate", FilterOperation.GreaterThanOrEqualTo, (time.GetUtcNow() - duration.Duration()).UtcDateTime.ToString("O", CultureInfo.InvariantCulture))
            : throw ApiException.IllegalArgument($"timeRange '{range}' is not an ISO-8601 duration such as PT1H or P7D");

    private static IEnumerable<SearchFilter> Parse(string name, List<string> values, TimeProvider time)
    {
        var match = FilterName().Match(name);
        if (!match.Success)
        {
            throw ApiException.IllegalArgument($"'{name}' is not a filter; write filters[field][OPERATION]=value, e.g. filters[namespace][EQUALS]=company.team");
        }

        var field = match.Groups[1].Value;
        if (Ignored.Contains(field))
        {
            yield break;
        }

        if (!Operations.TryGetValue(match.Groups[2].Value, out var operation))
        {
            throw ApiException.IllegalArgument($"'{match.Groups[2].Value}' is not a filter operation; use one of {string.Join(", ", Operations.Keys)}");
        }

        if (field == "timeRange")
        {
            yield return TimeRange(values.FirstOrDefault() ?? "", time);
            yield break;
        }

        var split = operation is FilterOperation.In or FilterOperation.NotIn ? values.SelectMany(v => v.Split(',')).ToList() : values;
        var key = match.Groups[3].Success ? match.Groups[3].Value : null;
        if (operation is FilterOperation.In or FilterOperation.NotIn)
        {
            yield return new SearchFilter(field, operation, split) { Key = key };
            yield break;
        }

        foreach (var value in split)
        {
            yield return new SearchFilter(field, operation, value) { Key = key };
        }
    }

    private static SortOrder Sort(string text, IReadOnlyDictionary<string, string>? fields)
    {
        var colon = text.LastIndexOf(':');
        var (field, direction) = colon < 0 ? (text, "asc") : (text[..colon], text[(colon + 1)..]);
        if (direction is not ("asc" or "desc"))
        {
            throw ApiException.IllegalArgument($"sort '{text}' must be written field:asc or field:desc");
        }

        return new SortOrder(fields?.GetValueOrDefault(field) ?? field, direction == "desc");
    }

    private static int Number(IQueryCollection query, string name, int min, int max, int fallback)
    {
        var text = query[name].ToString();
        if (text.Length == 0)
        {
            return fallback;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw ApiException.IllegalArgument($"{name} must be a whole number between {min} and {max}, not '{text}'");
    }

    [GeneratedRegex(@"^filters\[([A-Za-z.]+)\]\[([A-Za-z_]+)\](?:\[([^\]]+)\])?$")]
    private static partial Regex FilterName();
}
