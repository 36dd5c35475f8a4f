using Harrier.Core.Executions;
using Harrier.Core.Time;
using Harrier.Core.Yaml;

namespace Harrier.Core.Triggers;

/// <summary>Where a trigger's problems go: the node at fault, its property path, and a sentence saying how to fix it.</summary>
public delegate void TriggerProblemSink(YNode node, string path, string message);

/// <summary>
/// Reads typed values out of a trigger's (or a condition's) YAML map, reporting each value that cannot be used at its
/// node and path. Shapes were already checked against the type's property descriptors; this checks meaning (a duration
/// that parses, a state that exists, a time zone this machine knows).
/// </summary>
internal sealed class TriggerNodeReader(YMapping map, string path, TriggerProblemSink problems)
{
    public YMapping Map => map;

    public string Path => path;

    public string At(string key) => $"{path}.{key}";

    public void Problem(YNode node, string key, string message) => problems(node, At(key), message);

    public TriggerProblemSink Sink => problems;

    public string? String(string key) => map[key] is YScalar { IsNull: false } scalar ? scalar.Value : null;

    public bool Boolean(string key, bool fallback) => map[key] is YScalar { IsNull: false } scalar ? scalar.ToPlain() is true : fallback;

    public int? Integer(string key)
    {
        if (map[key] is not YScalar { IsNull: false } scalar)
        {
            return null;
        }

        if (scalar.ToPlain() is long value and >= int.MinValue and <= int.MaxValue)
        {
            return (int)value;
        }

        Problem(scalar, key, $"must be a whole number, found '{scalar.Value}'");
        return null;
    }

    public TimeSpan? Duration(string key)
    {
        if (map[key] is not YScalar { IsNull: false } scalar)
        {
            return null;
        }

        if (IsoDuration.TryParse(scalar.Value, out var duration))
        {
            return duration;
        }

        Problem(scalar, key, IsoDuration.Explain(scalar.Value));
        return null;
    }

    public TimeOnly? TimeOfDay(string key)
    {
        if (map[key] is not YScalar { IsNull: false } scalar)
        {
            return null;
        }

        if (TimeOnly.TryParse(scalar.Value, System.Globalization.CultureInfo.InvariantCulture, out var time))
        {
            return time;
        }

        Problem(scalar, key, $"'{scalar.Value}' is not a time of day; write it as HH:mm:ss, such as 09:00:00");
        return null;
    }

    public IReadOnlyList<string> Strings(string key)
    {
        return map[key] switch
        {
            YSequence list => list.Items.OfType<YScalar>().Where(s => !s.IsNull).Select(s => s.Value).ToList(),
            YScalar { IsNull: false } one => [one.Value],
            _ => [],
        };
    }

    /// <summary>Execution states named in a list (Kestra's names, such as SUCCESS or FAILED); unknown names are problems.</summary>
    public IReadOnlyList<State>? States(string key)
    {
        if (map[key] is not { } node || node is YScalar { IsNull: true })
        {
            return null;
        }

        var states = new List<State>();
        IReadOnlyList<YNode> items = node is YSequence list ? list.Items : [node];
        foreach (var item in items)
        {
            if (item is YScalar { IsNull: false } scalar && TryState(scalar.Value, out var state))
            {
                states.Add(state);
            }
            else
            {
                Problem(item, key, $"'{(item as YScalar)?.Value ?? item.KindName}' is not an execution state; use names such as SUCCESS, WARNING, FAILED, KILLED, CANCELLED, PAUSED");
            }
        }

        return states;
    }

    public TimeZoneInfo? TimeZone(string key)
    {
        if (map[key] is not YScalar { IsNull: false } scalar)
        {
            return null;
        }

        if (TimeZones.TryFind(scalar.Value, out var zone))
        {
            return zone;
        }

        Problem(scalar, key, $"'{scalar.Value}' is not a time zone id; use an IANA id such as Europe/Paris, America/New_York or UTC");
        return null;
    }

    private static bool TryState(string name, out State state)
    {
        try
        {
            state = Executions.States.Parse(name);
            return Enum.IsDefined(state);
        }
        catch (ArgumentException)
        {
            state = default;
            return false;
        }
    }
}
