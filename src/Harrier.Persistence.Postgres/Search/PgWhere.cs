using System.Globalization;
using Harrier.Core.Store.Search;
using Harrier.Persistence.Sqlite.Search;

namespace Harrier.Persistence.Postgres.Search;

/// <summary>
/// The WHERE and ORDER BY of a search from <see cref="SearchFilter"/>s over a fixed map of fields (the same maps and
/// meanings as SQLite's <c>SqliteWhere</c>): every condition is a fixed fragment with its values bound as parameters, so no
/// user text ever becomes SQL. Text matches (contains, starts, ends) ignore case, as SQLite's LIKE does.
/// </summary>
internal sealed class PgWhere(IReadOnlyDictionary<string, FilterColumn> columns)
{
    private readonly List<string> _conditions = [];
    private readonly List<KeyValuePair<string, string>> _parameters = [];

    public string Sql => _conditions.Count == 0 ? "" : " WHERE " + string.Join(" AND ", _conditions);

    /// <summary>A condition written by the caller (fixed text, no parameters).</summary>
    public void AddRaw(string condition) => _conditions.Add(condition);

    public PgWhere AddAll(IEnumerable<SearchFilter> filters)
    {
        foreach (var filter in filters)
        {
            Add(filter);
        }

        return this;
    }

    public void Add(SearchFilter filter)
    {
        if (!columns.TryGetValue(filter.Field, out var column))
        {
            throw new SearchFieldException($"cannot filter on '{filter.Field}'; fields: {string.Join(", ", columns.Keys.Order(StringComparer.Ordinal))}");
        }

        if (filter.Values.Count == 0)
        {
            throw new SearchFieldException($"the filter on '{filter.Field}' has no value");
        }

        var parts = column.Expressions.Select(expression => column.Kind switch
        {
            FilterColumnKind.Labels => LabelCondition(expression, filter),
            FilterColumnKind.Date => Compare(expression, filter, value => StoredDates.ToText(ParseDate(filter.Field, value))),
            _ => Compare(expression, filter, value => value),
        }).ToList();
        _conditions.Add(parts.Count == 1 ? parts[0] : "(" + string.Join(" OR ", parts) + ")");
    }

    public PgStatement BindTo(PgStatement statement)
    {
        foreach (var (name, value) in _parameters)
        {
            statement.Bind(name, value);
        }

        return statement;
    }

    /// <summary>ORDER BY of <paramref name="sort"/> over <paramref name="sortable"/>, or <paramref name="fallback"/> when none is given.</summary>
    public static string OrderBy(IReadOnlyList<SortOrder> sort, IReadOnlyDictionary<string, string> sortable, string fallback)
    {
        if (sort.Count == 0)
        {
            return " ORDER BY " + fallback;
        }

        // NULLS FIRST ascending (and last descending), as SQLite orders them.
        var keys = sort.Select(order => sortable.TryGetValue(order.Field, out var expression)
            ? expression + (order.Descending ? " DESC NULLS LAST" : " ASC NULLS FIRST")
            : throw new SearchFieldException($"cannot sort on '{order.Field}'; fields: {string.Join(", ", sortable.Keys.Order(StringComparer.Ordinal))}"));
        return " ORDER BY " + string.Join(", ", keys) + ", " + fallback;
    }

    private string Compare(string expression, SearchFilter filter, Func<string, string> convert)
    {
        var value = filter.Operation is FilterOperation.In or FilterOperation.NotIn ? "" : convert(filter.Value);
        return filter.Operation switch
        {
            FilterOperation.EqualTo => $"{expression} = {Bind(value)}",
            FilterOperation.NotEqualTo => $"{expression} IS DISTINCT FROM {Bind(value)}",
            FilterOperation.In => $"{expression} IN ({string.Join(", ", filter.Values.Select(v => Bind(convert(v))))})",
            FilterOperation.NotIn => $"{expression} NOT IN ({string.Join(", ", filter.Values.Select(v => Bind(convert(v))))})",
            FilterOperation.Contains => $"{expression} ILIKE {Bind("%" + EscapeLike(value) + "%")} ESCAPE '\\'",
            FilterOperation.StartsWith => $"{expression} ILIKE {Bind(EscapeLike(value) + "%")} ESCAPE '\\'",
            FilterOperation.EndsWith => $"{expression} ILIKE {Bind("%" + EscapeLike(value))} ESCAPE '\\'",
            FilterOperation.Prefix => $"({expression} = {Bind(value)} OR {expression} ILIKE {Bind(EscapeLike(value) + ".%")} ESCAPE '\\')",
            FilterOperation.GreaterThan => $"{expression} > {Bind(value)}",
            FilterOperation.GreaterThanOrEqualTo => $"{expression} >= {Bind(value)}",
            FilterOperation.LessThan => $"{expression} < {Bind(value)}",
            FilterOperation.LessThanOrEqualTo => $"{expression} <= {Bind(value)}",
            _ => throw new SearchFieldException($"'{filter.Field}' cannot be filtered with {filter.Operation}"),
        };
    }

    /// <summary>Labels match by key and value; a value written <c>key:value</c> names both when the filter has no key.</summary>
    private string LabelCondition(string expression, SearchFilter filter)
    {
        var conditions = filter.Values.Select(raw =>
        {
            var (key, value) = filter.Key is { } named ? (named, raw) : SplitLabel(raw);
            var keyParameter = Bind(key);
            var valueCondition = filter.Operation switch
            {
                FilterOperation.Contains => $"l.value ->> 'value' ILIKE {Bind("%" + EscapeLike(value) + "%")} ESCAPE '\\'",
                _ => $"l.value ->> 'value' = {Bind(value)}",
            };
            return $"EXISTS (SELECT 1 FROM jsonb_array_elements({expression}::jsonb) AS l WHERE l.value ->> 'key' = {keyParameter} AND {valueCondition})";
        }).ToList();
        return filter.Operation switch
        {
            FilterOperation.EqualTo or FilterOperation.Contains => string.Join(" AND ", conditions),
            FilterOperation.In => "(" + string.Join(" OR ", conditions) + ")",
            FilterOperation.NotEqualTo or FilterOperation.NotIn => "NOT (" + string.Join(" OR ", conditions) + ")",
            _ => throw new SearchFieldException($"labels cannot be filtered with {filter.Operation}; use EQUALS, NOT_EQUALS, IN, NOT_IN or CONTAINS"),
        };
    }

    private static (string Key, string Value) SplitLabel(string raw)
    {
        var colon = raw.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 ? (raw[..colon], raw[(colon + 1)..]) : throw new SearchFieldException($"label filter '{raw}' must be written key:value");
    }

    private static DateTimeOffset ParseDate(string field, string value) =>
        DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new SearchFieldException($"'{value}' is not a date for '{field}'; write it ISO-8601, e.g. 2026-03-14T09:26:53Z");

    private static string EscapeLike(string value) =>
        value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);

    private string Bind(string value)
    {
        var name = "@f" + _parameters.Count.ToString(CultureInfo.InvariantCulture);
        _parameters.Add(new KeyValuePair<string, string>(name, value));
        return name;
    }
}
