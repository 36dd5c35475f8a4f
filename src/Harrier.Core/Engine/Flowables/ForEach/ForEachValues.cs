using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Json;

namespace Harrier.Core.Engine.Flowables.ForEach;

/// <summary>Reads ForEach's <c>values</c>: a list, or a text holding a JSON list; each value as text.</summary>
internal static class ForEachValues
{
    public static FlowableDecision Decide(object? values, string taskId)
    {
        var texts = Read(values, taskId);
        return new FlowableDecision { Values = texts, ValueCount = texts.Count };
    }

    public static IReadOnlyList<string> Read(object? values, string taskId)
    {
        if (values is string text)
        {
            try
            {
                values = PlainJson.Parse(text);
            }
            catch (System.Text.Json.JsonException)
            {
                throw new FlowableDecisionException($"values of task '{taskId}' must be a list or a JSON list, found the text '{text}'");
            }
        }

        if (values is not System.Collections.IEnumerable list || values is string or IDictionary<string, object?>)
        {
            throw new FlowableDecisionException($"values of task '{taskId}' must be a list, found {values?.GetType().Name ?? "null"}");
        }

        var items = list.Cast<object?>().ToList();
        if (items.Count(item => item is null) is var nulls and > 0)
        {
            // Kestra refuses the whole list rather than run an iteration with no value.
            throw new FlowableDecisionException($"Found '{nulls}' null values on Each, with values={PlainJson.Serialize(items)}");
        }

        return items.Select(PlainText.Of).ToList();
    }
}
