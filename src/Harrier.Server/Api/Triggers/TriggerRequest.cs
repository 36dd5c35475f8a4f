using System.Globalization;
using System.Text.Json;
using Harrier.Core.Flows;
using Harrier.Core.Json;
using Harrier.Core.Store.Triggers;
using Harrier.Server.Api.Errors;

namespace Harrier.Server.Api.Triggers;

/// <summary>
/// The body of <c>PUT /triggers</c> and of the backfill calls, in Kestra's trigger shape: <c>namespace</c>, <c>flowId</c>,
/// <c>triggerId</c>, then <c>disabled</c> or <c>backfill: {start, end, inputs, labels}</c>. Each problem names its field.
/// </summary>
public sealed record TriggerRequest(TriggerKey Key, bool? Disabled, BackfillRequest? Backfill)
{
    public static async Task<TriggerRequest> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var text = await RequestBodies.ReadTextAsync(request, cancellationToken).ConfigureAwait(false);
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(text);
            root = document.RootElement.Clone();
        }
        catch (JsonException ex)
        {
            throw ApiException.Invalid($"the body is not JSON: {ex.Message}");
        }

        if (root.ValueKind != JsonValueKind.Object)
        {
            throw ApiException.Invalid("the body must be a JSON object such as {\"namespace\": \"company.team\", \"flowId\": \"nightly\", \"triggerId\": \"schedule\", \"disabled\": true}");
        }

        var key = new TriggerKey(Required(root, "namespace"), Required(root, "flowId"), Required(root, "triggerId"));
        bool? disabled = root.TryGetProperty("disabled", out var d) && d.ValueKind is JsonValueKind.True or JsonValueKind.False ? d.GetBoolean() : null;
        var backfill = root.TryGetProperty("backfill", out var b) && b.ValueKind == JsonValueKind.Object ? BackfillRequest.Read(b) : null;
        return new TriggerRequest(key, disabled, backfill);
    }

    private static string Required(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String && value.GetString() is { Length: > 0 } text
            ? text
            : throw ApiException.Invalid($"'{name}' is required (a string)", name);
}

/// <summary>
/// A backfill asked for: the period (end defaults to now), the inputs and labels of the executions it starts, and whether
/// it starts paused (Kestra's backfill model carries <c>paused</c> too: a backfill prepared now, unpaused later).
/// </summary>
public sealed record BackfillRequest(DateTimeOffset Start, DateTimeOffset? End, IReadOnlyDictionary<string, object?> Inputs, IReadOnlyList<FlowLabel> Labels)
{
    public bool Paused { get; init; }

    public static BackfillRequest Read(JsonElement backfill)
    {
        var start = Date(backfill, "start") ?? throw ApiException.Invalid("'backfill.start' is required: the first date to run, e.g. 2026-11-01T00:00:00Z", "backfill.start");
        var inputs = backfill.TryGetProperty("inputs", out var i) && i.ValueKind == JsonValueKind.Object
            ? (IReadOnlyDictionary<string, object?>)PlainJson.FromElement(i)!
            : new Dictionary<string, object?>();
        var labels = new List<FlowLabel>();
        if (backfill.TryGetProperty("labels", out var l) && l.ValueKind == JsonValueKind.Array)
        {
            foreach (var label in l.EnumerateArray())
            {
                if (label.ValueKind != JsonValueKind.Object || !label.TryGetProperty("key", out var k) || k.ValueKind != JsonValueKind.String)
                {
                    throw ApiException.Invalid("each of 'backfill.labels' must be {\"key\": \"...\", \"value\": \"...\"}", "backfill.labels");
                }

                labels.Add(new FlowLabel(k.GetString()!, label.TryGetProperty("value", out var v) ? v.ToString() : ""));
            }
        }

        return new BackfillRequest(start, Date(backfill, "end"), inputs, labels)
        {
            Paused = backfill.TryGetProperty("paused", out var paused) && paused.ValueKind == JsonValueKind.True,
        };
    }

    private static DateTimeOffset? Date(JsonElement backfill, string name)
    {
        if (!backfill.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String
            && DateTimeOffset.TryParse(value.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw ApiException.Invalid($"'backfill.{name}' must be an ISO-8601 date such as 2026-11-01T00:00:00Z, not {value}", $"backfill.{name}");
    }
}
