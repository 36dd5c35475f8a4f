using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Inputs;
using Harrier.Core.Rendering;
using Harrier.Core.Triggers;
using Harrier.Core.Yaml;
using Harrier.Server.Api.Executions;

namespace Harrier.Server.Scheduling;

/// <summary>
/// Builds the execution a trigger starts: its <c>inputs</c> and <c>labels</c> rendered with the trigger's variables
/// (<c>{{ trigger.date }}</c>, <c>{{ trigger.body.x }}</c>, <c>{{ trigger.outputs.y }}</c>), the inputs checked as the API
/// checks them, the flow's labels, then the trigger's, then <c>system.correlationId</c>. Not stored: the caller stores it
/// with the trigger's new state in one transaction.
/// </summary>
public sealed class TriggerExecutions(StandaloneEngine engine, ITemplateRenderer renderer)
{
    /// <exception cref="TriggerFireException">The inputs or labels do not render, or the inputs are invalid (the message says which).</exception>
    public Execution Create(
        FlowDefinition flow, TriggerModel trigger, IReadOnlyDictionary<string, object?> variables,
        IReadOnlyDictionary<string, object?>? extraInputs = null, IReadOnlyList<FlowLabel>? extraLabels = null,
        IReadOnlyList<string>? chain = null, string? correlationId = null)
    {
        var scope = new RenderScope(new Dictionary<string, object?>
        {
            ["trigger"] = variables,
            ["flow"] = new Dictionary<string, object?> { ["id"] = flow.Id, ["namespace"] = flow.Namespace, ["revision"] = (long)flow.Revision },
        });
        var given = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (trigger.Inputs is { } inputs)
        {
            foreach (var entry in inputs.Entries)
            {
                given[entry.Key.Value] = RenderValue(entry.Value.ToPlain(), scope, $"inputs.{entry.Key.Value}");
            }
        }

        foreach (var (name, value) in extraInputs ?? new Dictionary<string, object?>())
        {
            given[name] = value;
        }

        var resolution = InputResolver.Resolve(flow, given);
        if (!resolution.IsValid)
        {
            throw new TriggerFireException($"the inputs of flow {flow.Namespace}.{flow.Id} are invalid: {string.Join("; ", resolution.Errors)}");
        }

        var executionId = Ids.New();
        var labels = flow.Labels.ToList();
        foreach (var label in trigger.Labels.Select(l => new FlowLabel(l.Key, RenderText(l.Value, scope, $"labels.{l.Key}"))).Concat(extraLabels ?? []))
        {
            labels.RemoveAll(l => l.Key == label.Key);
            labels.Add(label);
        }

        if (labels.All(l => l.Key != ExecutionStarter.CorrelationLabel))
        {
            labels.Add(new FlowLabel(ExecutionStarter.CorrelationLabel, correlationId ?? executionId));
        }

        var record = new ExecutionTrigger(trigger.Id, trigger.Type, variables) { Chain = chain ?? [], StopAfter = trigger.StopAfter };
        return engine.Prepare(flow with { Labels = labels }, resolution.Inputs, executionId, record);
    }

    private object? RenderValue(object? value, RenderScope scope, string path) => value switch
    {
        string text => renderer.HasTemplate(text) ? Evaluate(text, scope, path) : text,
        IReadOnlyDictionary<string, object?> map => map.ToDictionary(e => e.Key, e => RenderValue(e.Value, scope, $"{path}.{e.Key}")),
        IEnumerable<object?> list => list.Select((item, i) => RenderValue(item, scope, $"{path}[{i}]")).ToList(),
        _ => value,
    };

    private object? Evaluate(string template, RenderScope scope, string path)
    {
        try
        {
            return renderer.Evaluate(template, scope);
        }
        catch (RenderFailedException ex)
        {
            throw new TriggerFireException($"{path}: {ex.Message}");
        }
    }

    private string RenderText(string template, RenderScope scope, string path)
    {
        try
        {
            return renderer.HasTemplate(template) ? renderer.Render(template, scope) : template;
        }
        catch (RenderFailedException ex)
        {
            throw new TriggerFireException($"{path}: {ex.Message}");
        }
    }
}

/// <summary>A trigger could not start its execution; the message says why (stored on the trigger as its last error).</summary>
public sealed class TriggerFireException(string message) : Exception(message);
