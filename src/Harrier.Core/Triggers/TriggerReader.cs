using Harrier.Core.Flows;
using Harrier.Core.Triggers.Conditions;
using Harrier.Core.Triggers.Cron;
using Harrier.Core.Triggers.Windows;
using Harrier.Core.Yaml;

namespace Harrier.Core.Triggers;

/// <summary>
/// Turns a flow's trigger (its YAML map, plugin defaults merged) into a <see cref="TriggerModel"/> at load time, so a bad
/// cron, time zone or condition is a validation error at its line and column — never a scheduler failure later.
/// Types the scheduler does not fire (plugin triggers) read as null and are kept as declared.
/// </summary>
public static class TriggerReader
{
    public static TriggerModel? Read(TriggerDefinition definition, string path, TriggerProblemSink problems)
    {
        var reader = new TriggerNodeReader(definition.Node, path, problems);
        TriggerModel? model = definition.Type switch
        {
            TriggerTypes.Schedule => Schedule(definition.Id, reader),
            TriggerTypes.ScheduleOnDates => ScheduleOnDates(definition.Id, reader),
            TriggerTypes.Webhook => Webhook(definition.Id, reader),
            TriggerTypes.Flow => Flow(definition.Id, reader),
            _ => null,
        };
        if (model is null)
        {
            return null;
        }

        var conditionsKey = reader.Map["conditions"] is null && reader.Map["scheduleConditions"] is not null ? "scheduleConditions" : "conditions";
        var (conditions, windowed) = ConditionReader.ReadList(reader.Map[conditionsKey], reader.At(conditionsKey), problems);
        if (windowed.Count > 0 && model is not FlowTrigger)
        {
            problems(reader.Map[conditionsKey]!, reader.At(conditionsKey), "MultipleCondition only works in a Flow trigger (it waits for executions of other flows)");
        }

        model = model with
        {
            Disabled = definition.Disabled,
            Conditions = conditions,
            StopAfter = reader.States("stopAfter") ?? [],
            Inputs = reader.Map["inputs"] as YMapping,
            Labels = ConditionReader.LabelsOf(reader, "labels"),
        };
        return model is FlowTrigger flow ? flow with { Windowed = [.. flow.Windowed, .. windowed] } : model;
    }

    private static ScheduleTrigger? Schedule(string id, TriggerNodeReader reader)
    {
        var withSeconds = reader.Boolean("withSeconds", false);
        var zone = reader.TimeZone("timezone") ?? TimeZones.Default;
        if (ConditionReader.Required(reader, "cron", reportMissing: false) is not { } text)
        {
            return null;
        }

        if (!CronSchedule.TryParse(text, withSeconds, out var cron, out var problem))
        {
            reader.Problem(reader.Map["cron"]!, "cron", $"\"{text}\": {problem}");
            return null;
        }

        var backfillStart = reader.Map["backfill"] is YMapping backfill && backfill["start"] is YScalar { IsNull: false } start
            && DateTimeOffset.TryParse(start.Value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var from)
            ? from
            : (DateTimeOffset?)null;
        return new ScheduleTrigger(id, cron, zone)
        {
            WithSeconds = withSeconds,
            LateMaximumDelay = reader.Duration("lateMaximumDelay"),
            Recover = Recover(reader),
            BackfillStart = backfillStart,
        };
    }

    private static ScheduleOnDatesTrigger? ScheduleOnDates(string id, TriggerNodeReader reader)
    {
        var zone = reader.TimeZone("timezone") ?? TimeZones.Default;
        if (reader.Map["dates"] is not YSequence list || list.Items.Count == 0)
        {
            reader.Problem(reader.Map["dates"] ?? reader.Map, "dates", "must be a non-empty list of ISO 8601 dates, such as 2026-12-31T23:00:00+01:00");
            return null;
        }

        var dates = new List<DateTimeOffset>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var text = (list.Items[i] as YScalar)?.Value ?? "";
            if (LocalOrOffset(text, zone) is { } date)
            {
                dates.Add(date);
            }
            else
            {
                reader.Problem(list.Items[i], $"dates[{i}]", $"'{text}' is not an ISO 8601 date-time, such as 2026-12-31T23:00:00+01:00");
            }
        }

        return new ScheduleOnDatesTrigger(id, [.. dates.Order()], zone) { Recover = Recover(reader) };
    }

    private static WebhookTrigger? Webhook(string id, TriggerNodeReader reader)
    {
        if (ConditionReader.Required(reader, "key", reportMissing: false) is not { } key)
        {
            return null;
        }

        if (key.Length > 256)
        {
            reader.Problem(reader.Map["key"]!, "key", "must be at most 256 characters (it is part of the webhook's URL)");
        }

        return new WebhookTrigger(id, key) { Wait = reader.Boolean("wait", false), ReturnOutputs = reader.Boolean("returnOutputs", false) };
    }

    private static FlowTrigger Flow(string id, TriggerNodeReader reader)
    {
        var windowed = new List<WindowedConditions>();
        if (reader.Map["preconditions"] is YMapping preconditions)
        {
            windowed.Add(Preconditions(id, new TriggerNodeReader(preconditions, reader.At("preconditions"), reader.Sink)));
        }

        if (reader.Map["dependsOn"] is YSequence dependsOn)
        {
            windowed.Add(DependsOn(id, reader, dependsOn));
        }

        return new FlowTrigger(id)
        {
            States = reader.States("states") ?? TriggerTypes.TerminalStates,
            Windowed = windowed,
            When = reader.String("when"),
        };
    }

    /// <summary>Kestra's <c>preconditions</c>: upstream <c>flows</c> and <c>where</c> filters, all to be met within <c>timeWindow</c>.</summary>
    private static WindowedConditions Preconditions(string triggerId, TriggerNodeReader reader)
    {
        var members = new Dictionary<string, ITriggerCondition>(StringComparer.Ordinal);
        if (reader.Map["flows"] is YSequence flows)
        {
            for (var i = 0; i < flows.Items.Count; i++)
            {
                if (flows.Items[i] is YMapping item)
                {
                    members[$"flow_{i}"] = Upstream(new TriggerNodeReader(item, reader.At($"flows[{i}]"), reader.Sink));
                }
            }
        }

        if (reader.Map["where"] is YSequence where)
        {
            for (var i = 0; i < where.Items.Count; i++)
            {
                if (where.Items[i] is YMapping item)
                {
                    var itemReader = new TriggerNodeReader(item, reader.At($"where[{i}]"), reader.Sink);
                    members[itemReader.String("id") ?? $"where_{i}"] = Where(itemReader);
                }
            }
        }

        if (members.Count == 0)
        {
            reader.Problem(reader.Map, "flows", "preconditions need at least one item under 'flows' or 'where'");
        }

        var window = ConditionReader.WindowOf(reader, reader.Map["timeWindow"] as YMapping, "timeWindow");
        return new WindowedConditions(reader.String("id") ?? triggerId, members, window) { ResetOnSuccess = reader.Boolean("resetOnSuccess", true) };
    }

    /// <summary>The newest form: <c>dependsOn</c> upstream flows, with <c>window</c>, <c>mode</c> and <c>minSatisfied</c>.</summary>
    private static WindowedConditions DependsOn(string triggerId, TriggerNodeReader reader, YSequence dependsOn)
    {
        var members = new Dictionary<string, ITriggerCondition>(StringComparer.Ordinal);
        for (var i = 0; i < dependsOn.Items.Count; i++)
        {
            if (dependsOn.Items[i] is YMapping item)
            {
                members[$"depends_on_{i}"] = Upstream(new TriggerNodeReader(item, reader.At($"dependsOn[{i}]"), reader.Sink));
            }
        }

        var windowNode = reader.Map["window"] as YMapping;
        var window = ConditionReader.WindowOf(reader, windowNode, "window");
        if (windowNode?["deadline"] is not null && windowNode["type"] is null)
        {
            window = window with { Kind = WindowKind.DailyTimeDeadline };
        }

        var mode = reader.String("mode") is null ? WindowMode.All : ConditionReader.EnumOf<WindowMode>(reader, "mode", "ALL, ANY or AT_LEAST") ?? WindowMode.All;
        var minSatisfied = reader.Integer("minSatisfied");
        if (mode == WindowMode.AtLeast && minSatisfied is null)
        {
            reader.Problem(reader.Map, "minSatisfied", "mode AT_LEAST needs minSatisfied, the number of dependencies to be met");
        }

        var fireOnce = windowNode is null || new TriggerNodeReader(windowNode, reader.At("window"), reader.Sink).Boolean("fireOnce", true);
        return new WindowedConditions("depends_on_" + triggerId, members, window) { Mode = mode, MinSatisfied = minSatisfied, ResetOnSuccess = fireOnce };
    }

    private static UpstreamFlowCondition Upstream(TriggerNodeReader item) =>
        new(item.String("namespace"), item.String("flowId"), item.States("states"), ConditionReader.LabelsOf(item, "labels"), item.String("when"));

    private static ExecutionFilterCondition Where(TriggerNodeReader item)
    {
        var filters = new List<ExecutionFilter>();
        if (item.Map["filters"] is YSequence list)
        {
            for (var i = 0; i < list.Items.Count; i++)
            {
                if (list.Items[i] is not YMapping filter)
                {
                    continue;
                }

                var reader = new TriggerNodeReader(filter, item.At($"filters[{i}]"), item.Sink);
                var field = ConditionReader.EnumOf<FilterField>(reader, "field", "FLOW_ID, NAMESPACE, STATE or EXPRESSION");
                var comparison = ConditionReader.EnumOf<FilterComparison>(reader, "type", "EQUAL_TO, NOT_EQUAL_TO, IN, NOT_IN, IS_NULL, IS_NOT_NULL, STARTS_WITH, ENDS_WITH, CONTAINS, REGEX, IS_TRUE or IS_FALSE");
                if (field is { } f && comparison is { } c)
                {
                    filters.Add(new ExecutionFilter(f, c, reader.String("value"), reader.Strings("values")));
                }
            }
        }
        else
        {
            item.Problem(item.Map, "filters", "a 'where' item needs a list of filters ({field, type, value})");
        }

        return new ExecutionFilterCondition(filters, string.Equals(item.String("operand"), "OR", StringComparison.OrdinalIgnoreCase));
    }

    private static RecoverMissedSchedules Recover(TriggerNodeReader reader) =>
        reader.String("recoverMissedSchedules") is null
            ? RecoverMissedSchedules.All
            : ConditionReader.EnumOf<RecoverMissedSchedules>(reader, "recoverMissedSchedules", "ALL, LAST or NONE") ?? RecoverMissedSchedules.All;

    /// <summary>An ISO date-time; one without an offset is read in <paramref name="zone"/>.</summary>
    private static DateTimeOffset? LocalOrOffset(string text, TimeZoneInfo zone)
    {
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        var candidate = bracket > 0 ? text[..bracket] : text;
        if (!DateTime.TryParse(candidate, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind, out var parsed))
        {
            return null;
        }

        return parsed.Kind switch
        {
            DateTimeKind.Unspecified => new DateTimeOffset(parsed, zone.GetUtcOffset(parsed)),
            _ => DateTimeOffset.Parse(candidate, System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
