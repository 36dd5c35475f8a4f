using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Inputs;
using Harrier.Core.Rendering;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Yaml;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// Renders a flow's <c>outputs</c> when its execution ends; a failure names the output and its line. Known secrets
/// (SECRET inputs, the worker's secrets) are masked in them, as in task outputs.
/// </summary>
internal sealed class FlowOutputsRenderer(ITemplateRenderer renderer, EngineVariables variables, SecretInputCipher cipher)
{
    public (IReadOnlyDictionary<string, object?> Outputs, string? Error) Render(FlowDefinition flow, Execution execution, IReadOnlyList<TaskRun> taskRuns)
    {
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        if (flow.Outputs.Count == 0)
        {
            return (outputs, null);
        }

        var scope = new RenderScope(variables.ForExecution(flow, execution, taskRuns));
        foreach (var output in flow.Outputs)
        {
            try
            {
                outputs[output.Id] = Convert(Evaluate(output.Value, scope), output.Type);
            }
            catch (Exception ex) when (ex is RenderFailedException or FormatException or InvalidCastException)
            {
                return (Masked(flow, execution, outputs), $"{flow.SourceFile}:{output.Position.Line}: flow output '{output.Id}' could not be rendered: {ex.Message}");
            }
        }

        return (Masked(flow, execution, outputs), null);
    }

    /// <summary>
    /// Renders the deprecated <c>outputs</c> map of the parent's Subflow task <paramref name="subflowTask"/> in this (the
    /// child) execution; a failure names the parent task's line.
    /// </summary>
    public (IReadOnlyDictionary<string, object?> Outputs, string? Error) RenderExtraction(FlowDefinition flow, Execution execution, IReadOnlyList<TaskRun> taskRuns, TaskDefinition subflowTask)
    {
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal);
        var scope = new RenderScope(variables.ForExecution(flow, execution, taskRuns));
        foreach (var entry in ((YMapping)subflowTask.Node["outputs"]!).Entries)
        {
            try
            {
                outputs[entry.Key.Value] = Evaluate(entry.Value, scope);
            }
            catch (RenderFailedException ex)
            {
                return (Masked(flow, execution, outputs),
                    $"the outputs of the Subflow task '{subflowTask.Id}' that started this execution could not be extracted: '{entry.Key.Value}' (line {entry.Value.Position.Line} of its flow): {ex.Message}");
            }
        }

        return (Masked(flow, execution, outputs), null);
    }

    private IReadOnlyDictionary<string, object?> Masked(FlowDefinition flow, Execution execution, Dictionary<string, object?> outputs) =>
        (IReadOnlyDictionary<string, object?>)SecretInputs.Masker(flow, execution.Inputs, cipher).Apply(outputs)!;

    /// <summary>Renders every expression of the value, those inside lists and maps too (as Kestra renders an ARRAY or JSON output's items).</summary>
    private object? Evaluate(YNode node, RenderScope scope) => node switch
    {
        YScalar scalar when renderer.HasTemplate(scalar.Value) => renderer.Evaluate(scalar.Value, scope),
        YSequence sequence => sequence.Items.Select(item => Evaluate(item, scope)).ToList(),
        YMapping mapping => mapping.Entries.ToDictionary(e => e.Key.Value, e => Evaluate(e.Value, scope), StringComparer.Ordinal),
        _ => node.ToPlain(),
    };

    private static object? Convert(object? value, string type) => type switch
    {
        "STRING" or "URI" or "EMAIL" or "SECRET" => value is null ? null : PropertyReader.AsText(value),
        "INT" => value is string s ? long.Parse(s.Trim(), System.Globalization.CultureInfo.InvariantCulture) : value,
        "FLOAT" => value is string f ? double.Parse(f.Trim(), System.Globalization.CultureInfo.InvariantCulture) : value,
        "BOOL" or "BOOLEAN" => value is string b ? bool.Parse(b.Trim()) : value,
        _ => value,
    };
}
