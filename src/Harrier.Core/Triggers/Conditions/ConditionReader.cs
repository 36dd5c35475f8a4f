using Harrier.Core.Flows;
using Harrier.Core.Triggers.Windows;
using Harrier.Core.Yaml;

namespace Harrier.Core.Triggers.Conditions;

/// <summary>
/// Reads a trigger's <c>conditions</c> list into typed conditions, reporting at its line and column every condition that
/// cannot be used: an unknown type (with the supported ones), a missing or wrong property. MultipleCondition items
/// become <see cref="WindowedConditions"/> (they need the store, not just the execution at hand).
/// </summary>
internal static class ConditionReader
{
    private const string Prefix = "io.kestra.plugin.core.condition.";
    private const string LegacyPrefix = "io.kestra.core.models.conditions.types.";

    private static readonly string[] Supported =
    [
        "DayWeek", "DayWeekInMonth", "Weekend", "DateTimeBetween", "TimeBetween", "Not", "Or", "Expression",
        "ExecutionFlow", "ExecutionNamespace", "ExecutionStatus", "ExecutionLabels", "ExecutionOutputs", "MultipleCondition",
    ];

    public static (IReadOnlyList<ITriggerCondition> Conditions, IReadOnlyList<WindowedConditions> Windowed) ReadList(YNode? node, string path, TriggerProblemSink problems)
    {
        var conditions = new List<ITriggerCondition>();
        var windowed = new List<WindowedConditions>();
        if (node is null or YScalar { IsNull: true })
        {
            return (conditions, windowed);
        }

        if (node is not YSequence list)
        {
            problems(node, path, "must be a list of conditions (each item starting with '- type:')");
            return (conditions, windowed);
        }

        for (var i = 0; i < list.Items.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            if (list.Items[i] is YMapping map && ShortName(map) == "MultipleCondition")
            {
                if (ReadMultiple(new TriggerNodeReader(map, itemPath, problems)) is { } multiple)
                {
                    windowed.Add(multiple);
                }
            }
            else if (Read(list.Items[i], itemPath, problems) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return (conditions, windowed);
    }

    public static ITriggerCondition? Read(YNode node, string path, TriggerProblemSink problems)
    {
        if (node is not YMapping map || map["type"] is not YScalar { IsNull: false } typeNode)
        {
            problems(node, path, "a condition must be a map with a 'type'");
            return null;
        }

        var reader = new TriggerNodeReader(map, path, problems);
        var date = reader.String("date") ?? ConditionDate.Default;
        switch (ShortName(map))
        {
            case "DayWeek":
                return DayOf(reader, "dayOfWeek") is { } day ? new DayWeekCondition(date, day) : null;
            case "DayWeekInMonth":
                var weekday = DayOf(reader, "dayOfWeek");
                var which = EnumOf<DayInMonth>(reader, "dayInMonth", "FIRST, SECOND, THIRD, FOURTH or LAST");
                return weekday is { } d && which is { } w ? new DayWeekInMonthCondition(date, d, w) : null;
            case "Weekend":
                return new WeekendCondition(date);
            case "DateTimeBetween":
                return new DateTimeBetweenCondition(date, DateOf(reader, "after"), DateOf(reader, "before")) is var between
                    && RequireOne(reader, "after", "before") ? between : null;
            case "TimeBetween":
                return new TimeBetweenCondition(date, TimeOf(reader, "after"), TimeOf(reader, "before")) is var times
                    && RequireOne(reader, "after", "before") ? times : null;
            case "Not":
                return Nested(reader) is { } notList ? new NotCondition(notList) : null;
            case "Or":
                return Nested(reader) is { } orList ? new OrCondition(orList) : null;
            case "Expression":
                return Required(reader, "expression") is { } expression ? new ExpressionCondition(expression) : null;
            case "ExecutionFlow":
                var ns = Required(reader, "namespace");
                var flowId = Required(reader, "flowId");
                return ns is not null && flowId is not null ? new ExecutionFlowCondition(ns, flowId) : null;
            case "ExecutionNamespace":
                var prefix = reader.Boolean("prefix", false);
                var comparison = reader.String("comparison") is null
                    ? prefix ? NamespaceComparison.Prefix : NamespaceComparison.Equals
                    : EnumOf<NamespaceComparison>(reader, "comparison", "EQUALS, PREFIX or SUFFIX");
                return Required(reader, "namespace") is { } name && comparison is { } how ? new ExecutionNamespaceCondition(name, how) : null;
            case "ExecutionStatus":
                return new ExecutionStatusCondition(reader.States("in"), reader.States("notIn"));
            case "ExecutionLabels":
                return new ExecutionLabelsCondition(LabelsOf(reader, "labels"));
            case "ExecutionOutputs":
                return Required(reader, "expression") is { } outputs ? new ExecutionOutputsCondition(outputs) : null;
            case "MultipleCondition":
                problems(typeNode, $"{path}.type", "MultipleCondition belongs directly in a Flow trigger's 'conditions' list, not inside another condition");
                return null;
            default:
                problems(typeNode, $"{path}.type", $"condition type '{typeNode.Value}' is not supported; Harrier knows {string.Join(", ", Supported)} (as {Prefix}<Name>)");
                return null;
        }
    }

    /// <summary>Kestra's simple name of a condition type, whichever of its spellings the flow used.</summary>
    private static string ShortName(YMapping map)
    {
        var type = (map["type"] as YScalar)?.Value ?? "";
        foreach (var prefix in (ReadOnlySpan<string>)[Prefix, LegacyPrefix])
        {
            if (type.StartsWith(prefix, StringComparison.Ordinal))
            {
                type = type[prefix.Length..];
                break;
            }
        }

        return type.EndsWith("Condition", StringComparison.Ordinal) && type != "MultipleCondition" ? type[..^"Condition".Length] : type;
    }

    private static WindowedConditions? ReadMultiple(TriggerNodeReader reader)
    {
        var id = Required(reader, "id");
        if (reader.Map["conditions"] is not YMapping members)
        {
            reader.Problem(reader.Map["conditions"] ?? reader.Map, "conditions", "must be a map of named conditions (name: {type: …})");
            return null;
        }

        var conditions = new Dictionary<string, ITriggerCondition>(StringComparer.Ordinal);
        foreach (var entry in members.Entries)
        {
            if (Read(entry.Value, reader.At($"conditions.{entry.Key.Value}"), reader.Sink) is { } condition)
            {
                conditions[entry.Key.Value] = condition;
            }
        }

        var window = WindowOf(reader, reader.Map["timeWindow"] as YMapping ?? reader.Map["sla"] as YMapping, "timeWindow", legacy: reader);
        return id is null ? null : new WindowedConditions(id, conditions, window) { ResetOnSuccess = reader.Boolean("resetOnSuccess", true) };
    }

    /// <summary>
    /// A window from Kestra's <c>timeWindow</c>/<c>sla</c>/<c>window</c> map (<c>type</c>, <c>window</c>,
    /// <c>windowAdvance</c>, <c>deadline</c>, <c>startTime</c>, <c>endTime</c>); the oldest form put <c>window</c> and
    /// <c>windowAdvance</c> on the condition itself (<paramref name="legacy"/>).
    /// </summary>
    public static ConditionWindow WindowOf(TriggerNodeReader owner, YMapping? map, string key, TriggerNodeReader? legacy = null)
    {
        if (map is null)
        {
            var length = legacy?.Duration("window");
            var advance = legacy?.Duration("windowAdvance");
            return length is null && advance is null
                ? ConditionWindow.Default
                : ConditionWindow.Default with { Length = length ?? TimeSpan.FromDays(1), Advance = advance ?? TimeSpan.Zero };
        }

        var reader = new TriggerNodeReader(map, owner.At(key), owner.Sink);
        var kind = reader.String("type") is null ? WindowKind.DurationWindow
            : EnumOf<WindowKind>(reader, "type", "DURATION_WINDOW, SLIDING_WINDOW, DAILY_TIME_DEADLINE or DAILY_TIME_WINDOW") ?? WindowKind.DurationWindow;
        var window = new ConditionWindow(kind, reader.Duration("window") ?? TimeSpan.FromDays(1), reader.Duration("windowAdvance") ?? TimeSpan.Zero,
            reader.TimeOfDay("deadline"), reader.TimeOfDay("startTime"), reader.TimeOfDay("endTime"));
        if (kind == WindowKind.DailyTimeDeadline && window.Deadline is null)
        {
            reader.Problem(map, "deadline", "a DAILY_TIME_DEADLINE window needs a deadline, such as deadline: \"09:00:00\"");
        }

        if (kind == WindowKind.DailyTimeWindow && (window.Start is null || window.End is null))
        {
            reader.Problem(map, "startTime", "a DAILY_TIME_WINDOW window needs startTime and endTime, such as \"06:00:00\" and \"09:00:00\"");
        }

        return window;
    }

    private static List<ITriggerCondition>? Nested(TriggerNodeReader reader)
    {
        if (reader.Map["conditions"] is not YSequence list || list.Items.Count == 0)
        {
            reader.Problem(reader.Map["conditions"] ?? reader.Map, "conditions", "must be a non-empty list of conditions");
            return null;
        }

        var conditions = new List<ITriggerCondition>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            if (Read(list.Items[i], reader.At($"conditions[{i}]"), reader.Sink) is { } condition)
            {
                conditions.Add(condition);
            }
        }

        return conditions.Count == list.Items.Count ? conditions : null;
    }

    /// <param name="reportMissing">False where the type's schema already reports a missing property (a trigger's own required ones).</param>
    public static string? Required(TriggerNodeReader reader, string key, bool reportMissing = true)
    {
        if (reader.String(key) is { Length: > 0 } value)
        {
            return value;
        }

        if (!reportMissing && reader.Map[key] is null)
        {
            return null;
        }

        reader.Problem(reader.Map[key] ?? reader.Map, key, $"'{key}' is required");
        return null;
    }

    private static bool RequireOne(TriggerNodeReader reader, string first, string second)
    {
        if (reader.Map[first] is not null || reader.Map[second] is not null)
        {
            return true;
        }

        reader.Problem(reader.Map, first, $"give '{first}', '{second}' or both");
        return false;
    }

    public static TEnum? EnumOf<TEnum>(TriggerNodeReader reader, string key, string allowed)
        where TEnum : struct, Enum
    {
        if (reader.String(key) is not { } text)
        {
            reader.Problem(reader.Map, key, $"'{key}' is required: {allowed}");
            return null;
        }

        if (Enum.TryParse<TEnum>(text.Replace("_", "", StringComparison.Ordinal), ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        reader.Problem(reader.Map[key]!, key, $"'{text}' is not one of {allowed}");
        return null;
    }

    private static DayOfWeek? DayOf(TriggerNodeReader reader, string key) =>
        EnumOf<DayOfWeek>(reader, key, "MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY or SUNDAY");

    private static DateTimeOffset? DateOf(TriggerNodeReader reader, string key)
    {
        if (reader.String(key) is not { } text)
        {
            return null;
        }

        if (DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var date))
        {
            return date;
        }

        reader.Problem(reader.Map[key]!, key, $"'{text}' is not an ISO 8601 date-time, such as 2026-01-31T09:00:00Z");
        return null;
    }

    private static TimeWithOffset? TimeOf(TriggerNodeReader reader, string key)
    {
        if (reader.String(key) is not { } text)
        {
            return null;
        }

        if (TimeWithOffset.TryParse(text, out var time))
        {
            return time;
        }

        reader.Problem(reader.Map[key]!, key, $"'{text}' is not a time with offset, such as 16:00:00+02:00");
        return null;
    }

    public static IReadOnlyList<FlowLabel> LabelsOf(TriggerNodeReader reader, string key) => reader.Map[key] switch
    {
        YMapping map => map.Entries.Select(e => new FlowLabel(e.Key.Value, (e.Value as YScalar)?.Value ?? "")).ToList(),
        YSequence list => list.Items.OfType<YMapping>()
            .Select(m => new FlowLabel((m["key"] as YScalar)?.Value ?? "", (m["value"] as YScalar)?.Value ?? "")).ToList(),
        _ => [],
    };
}
