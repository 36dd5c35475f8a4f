using Harrier.Core.Executions;
using Harrier.Core.Json;

namespace Harrier.Persistence.Json;

/// <summary>
/// The stored shape of <see cref="ExecutionTrigger"/>: <c>{"id":"…","type":"…","variables":{…},"chain":["ns.flow"],"stopAfter":["FAILED"]}</c>,
/// variables as <see cref="PlainJson"/>.
/// </summary>
public static class TriggerJson
{
    public static string? Write(ExecutionTrigger? trigger) => trigger is null ? null : PlainJson.Serialize(new Dictionary<string, object?>
    {
        ["id"] = trigger.Id,
        ["type"] = trigger.Type,
        ["variables"] = trigger.Variables,
        ["chain"] = trigger.Chain.Cast<object?>().ToList(),
        ["stopAfter"] = trigger.StopAfter.Select(s => (object?)s.ToName()).ToList(),
    });

    public static ExecutionTrigger? Read(string? json)
    {
        if (json is null || PlainJson.Parse(json) is not IReadOnlyDictionary<string, object?> map)
        {
            return null;
        }

        var variables = map.GetValueOrDefault("variables") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
        var chain = (map.GetValueOrDefault("chain") as IEnumerable<object?>)?.OfType<string>().ToList() ?? [];
        var stopAfter = (map.GetValueOrDefault("stopAfter") as IEnumerable<object?>)?.OfType<string>().Select(States.Parse).ToList() ?? [];
        return new ExecutionTrigger(map.GetValueOrDefault("id") as string ?? "", map.GetValueOrDefault("type") as string ?? "", variables)
        {
            Chain = chain,
            StopAfter = stopAfter,
        };
    }
}
