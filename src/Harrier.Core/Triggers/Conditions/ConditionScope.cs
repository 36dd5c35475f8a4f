using System.Globalization;
using Harrier.Core.Rendering;

namespace Harrier.Core.Triggers.Conditions;

/// <summary>
/// What conditions are evaluated against: the variables of the evaluation (<c>trigger</c> for a schedule's dates or a
/// webhook's request; <c>flow</c>, <c>execution</c> and <c>trigger</c> of the execution that ended, for Flow triggers) and
/// the renderer for the properties that are expressions.
/// </summary>
public sealed class ConditionScope(ITemplateRenderer renderer, RenderScope variables)
{
    public RenderScope Variables { get; } = variables;

    /// <summary>The ended execution a Flow trigger evaluates (null for schedules and webhooks).</summary>
    public ConditionExecution? Execution { get; init; }

    public string Render(string template, string what)
    {
        try
        {
            return renderer.HasTemplate(template) ? renderer.Render(template, Variables) : template;
        }
        catch (RenderFailedException ex)
        {
            throw new TriggerConditionException($"{what}: {ex.Message}", ex);
        }
    }

    /// <summary>Renders a date property (by default <c>{{ trigger.date }}</c>) and parses it as an ISO 8601 date-time.</summary>
    public DateTimeOffset RenderDate(string template, string what)
    {
        var text = Render(template, what);
        var bracket = text.IndexOf('[', StringComparison.Ordinal);
        var candidate = bracket > 0 ? text[..bracket] : text;
        return DateTimeOffset.TryParse(candidate, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var date)
            ? date
            : throw new TriggerConditionException($"{what}: '{text}' is not an ISO 8601 date-time");
    }

    /// <summary>Kestra's truthiness of a rendered expression: true, a non-empty text other than false/0, a non-zero number.</summary>
    public bool RenderTruth(string template, string what)
    {
        var text = Render(template, what).Trim();
        return text.Length > 0 && !string.Equals(text, "false", StringComparison.OrdinalIgnoreCase) && text != "0" && text != "0.0" && text != "null";
    }
}

/// <summary>The execution a Flow trigger reacts to, as its conditions see it.</summary>
public sealed record ConditionExecution(
    string Id,
    string Namespace,
    string FlowId,
    Executions.State State,
    IReadOnlyList<Flows.FlowLabel> Labels,
    IReadOnlyDictionary<string, object?> Outputs);
