using Harrier.Core.Flows;
using Harrier.Core.Json;
using Harrier.Core.Store.Triggers;

namespace Harrier.Persistence.Json;

/// <summary>
/// The stored shape of <see cref="TriggerBackfill"/>:
/// <c>{"start","end","current","paused","inputs":{…},"labels":[{"key","value"}]}</c>, dates as ISO 8601 text.
/// </summary>
public static class BackfillJson
{
    public static string? Write(TriggerBackfill? backfill) => backfill is null ? null : PlainJson.Serialize(new Dictionary<string, object?>
    {
        ["start"] = backfill.Start.ToString("O"),
        ["end"] = backfill.End.ToString("O"),
        ["current"] = backfill.Current.ToString("O"),
        ["paused"] = backfill.Paused,
        ["inputs"] = backfill.Inputs,
        ["labels"] = backfill.Labels.Select(l => (object?)new Dictionary<string, object?> { ["key"] = l.Key, ["value"] = l.Value }).ToList(),
    });

    public static TriggerBackfill? Read(string? json)
    {
        if (json is null || PlainJson.Parse(json) is not IReadOnlyDictionary<string, object?> map)
        {
            return null;
        }

        var labels = (map.GetValueOrDefault("labels") as IEnumerable<object?>)?.OfType<IReadOnlyDictionary<string, object?>>()
            .Select(l => new FlowLabel(l.GetValueOrDefault("key") as string ?? "", l.GetValueOrDefault("value") as string ?? "")).ToList() ?? [];
        return new TriggerBackfill(Date(map, "start"), Date(map, "end"), Date(map, "current"))
        {
            Paused = map.GetValueOrDefault("paused") is true,
            Inputs = map.GetValueOrDefault("inputs") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>(),
            Labels = labels,
        };
    }

    private static DateTimeOffset Date(IReadOnlyDictionary<string, object?> map, string key) =>
        DateTimeOffset.Parse(map.GetValueOrDefault(key) as string ?? throw new FormatException($"backfill without '{key}'"), System.Globalization.CultureInfo.InvariantCulture);
}
