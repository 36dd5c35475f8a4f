using System.Globalization;
using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Store.Search;

namespace Harrier.Persistence.Sqlite.Search;

/// <summary>
/// The filters of a log search that look inside a line (its level, timestamp or message): applied to decoded lines,
/// since a stored chunk holds many lines (see migration 0003).
/// </summary>
internal sealed class LogLineFilter
{
    public static readonly IReadOnlySet<string> Fields = new HashSet<string>(StringComparer.Ordinal) { "level", "startDate", "endDate", "q" };

    private readonly List<Func<LogEntry, bool>> _tests = [];

    public LogLineFilter(IEnumerable<SearchFilter> filters)
    {
        foreach (var filter in filters)
        {
            _tests.Add(filter.Field switch
            {
                "level" => Level(filter),
                "startDate" or "endDate" => Timestamp(filter),
                _ => Message(filter),
            });
        }
    }

    public bool Matches(LogEntry entry) => _tests.TrueForAll(test => test(entry));

    /// <summary>Kestra reads a level filter as the lowest level kept (EQUALS DEBUG keeps DEBUG and above).</summary>
    private static Func<LogEntry, bool> Level(SearchFilter filter)
    {
        if (!TaskLogLevels.TryParse(filter.Value, out var level))
        {
            throw new SearchFieldException($"'{filter.Value}' is not a log level; use TRACE, DEBUG, INFO, WARN or ERROR");
        }

        return filter.Operation switch
        {
            FilterOperation.EqualTo or FilterOperation.GreaterThanOrEqualTo => entry => entry.Level >= level,
            FilterOperation.GreaterThan => entry => entry.Level > level,
            FilterOperation.LessThan => entry => entry.Level < level,
            FilterOperation.LessThanOrEqualTo => entry => entry.Level <= level,
            FilterOperation.NotEqualTo => entry => entry.Level != level,
            _ => throw new SearchFieldException($"the log level cannot be filtered with {filter.Operation}"),
        };
    }

    /// <summary>startDate keeps lines at or after the date (for any comparison given), endDate lines at or before it.</summary>
    private static Func<LogEntry, bool> Timestamp(SearchFilter filter)
    {
        if (!DateTimeOffset.TryParse(filter.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date))
        {
            throw new SearchFieldException($"'{filter.Value}' is not a date for '{filter.Field}'; write it ISO-8601, e.g. 2026-03-14T09:26:53Z");
        }

        return filter.Operation switch
        {
            FilterOperation.GreaterThan => entry => entry.Timestamp > date,
            FilterOperation.LessThan => entry => entry.Timestamp < date,
            FilterOperation.LessThanOrEqualTo => entry => entry.Timestamp <= date,
            FilterOperation.GreaterThanOrEqualTo => entry => entry.Timestamp >= date,
            _ when filter.Field == "startDate" => entry => entry.Timestamp >= date,
            _ => entry => entry.Timestamp <= date,
        };
    }

    private static Func<LogEntry, bool> Message(SearchFilter filter) => filter.Operation switch
    {
        FilterOperation.EqualTo or FilterOperation.Contains => entry => entry.Message.Contains(filter.Value, StringComparison.OrdinalIgnoreCase),
        FilterOperation.NotEqualTo => entry => !entry.Message.Contains(filter.Value, StringComparison.OrdinalIgnoreCase),
        _ => throw new SearchFieldException($"the message cannot be filtered with {filter.Operation}; use CONTAINS"),
    };
}
