using Harrier.Core.Json;
using Harrier.Core.Store.Triggers;

namespace Harrier.Persistence.Json;

/// <summary>The stored shape of a condition window's members: <c>{"member":{"at":"ISO date","outputs":{…}}}</c>.</summary>
public static class WindowJson
{
    public static string Write(IReadOnlyDictionary<string, WindowMember> members) => PlainJson.Serialize(members.ToDictionary(
        m => m.Key,
        m => (object?)new Dictionary<string, object?> { ["at"] = m.Value.At.ToString("O"), ["outputs"] = m.Value.Outputs }));

    public static IReadOnlyDictionary<string, WindowMember> Read(string? json)
    {
        var members = new Dictionary<string, WindowMember>();
        if (json is null || PlainJson.Parse(json) is not IReadOnlyDictionary<string, object?> map)
        {
            return members;
        }

        foreach (var (name, value) in map)
        {
            if (value is IReadOnlyDictionary<string, object?> member && member.GetValueOrDefault("at") is string at)
            {
                var outputs = member.GetValueOrDefault("outputs") as IReadOnlyDictionary<string, object?> ?? new Dictionary<string, object?>();
                members[name] = new WindowMember(DateTimeOffset.Parse(at, System.Globalization.CultureInfo.InvariantCulture), outputs);
            }
        }

        return members;
    }
}
