using Harrier.Core.Tasks.Types;
using Harrier.Core.Time;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>Reads and checks a flow's <c>sla</c> list; every problem is an error at its line and column.</summary>
internal sealed class SlaReader(LoadContext context)
{
    private static readonly IReadOnlyList<PropertyDescriptor> Fields =
    [
        Prop.String("id", "SLA id.", required: true) with { Dynamic = false },
        Prop.Enum("type", "MAX_DURATION or EXECUTION_ASSERTION.", null, SlaDefinition.MaxDuration, SlaDefinition.ExecutionAssertion) with { Required = true, Dynamic = false },
        Prop.Enum("behavior", "What a violation does: FAIL or CANCEL the execution, or NONE (labels only).", null, "FAIL", "CANCEL", "NONE") with { Required = true, Dynamic = false },
        Prop.Duration("duration", "MAX_DURATION: the longest an execution may run (ISO-8601).") with { Dynamic = false },
        Prop.String("assert", "EXECUTION_ASSERTION: an expression that must stay true while the execution runs."),
        Prop.Any("labels", "Labels added to the execution on a violation: a map, or a list of {key, value}."),
    ];

    public IReadOnlyList<SlaDefinition> Read(YNode? node)
    {
        if (node is null or YScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YSequence list)
        {
            context.Error(node, "sla", $"must be a list of {{id, type, behavior, …}}, found {node.KindName}");
            return [];
        }

        var slas = new List<SlaDefinition>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"sla[{i}]";
            if (list.Items[i] is not YMapping map)
            {
                context.Error(list.Items[i], path, "an SLA must be a map with 'id', 'type' and 'behavior'");
                continue;
            }

            new PropertyValidator(context).ValidateObject(map, Fields, path);
            if (Read(map, path) is { } sla)
            {
                slas.Add(sla);
            }
        }

        return slas;
    }

    private SlaDefinition? Read(YMapping map, string path)
    {
        if (map["id"] is not YScalar { IsNull: false } id || map["type"] is not YScalar type || map["behavior"] is not YScalar behavior)
        {
            return null;
        }

        var sla = new SlaDefinition(id.Value, type.Value, behavior.Value) { Labels = new FlowPartsReader(context).Labels(map["labels"]) };
        if (type.Value == SlaDefinition.MaxDuration)
        {
            if (map["duration"] is not YScalar { IsNull: false } text)
            {
                context.Error(map, PropertyValidator.Join(path, "duration"), "a MAX_DURATION SLA needs a duration, e.g. duration: PT1H");
                return null;
            }

            return IsoDuration.TryParse(text.Value, out var duration) ? sla with { Duration = duration } : null;
        }

        if (type.Value != SlaDefinition.ExecutionAssertion)
        {
            // The type check above reported it.
            return null;
        }

        if (map["assert"] is not YScalar { IsNull: false } assertion)
        {
            context.Error(map, PropertyValidator.Join(path, "assert"), "an EXECUTION_ASSERTION SLA needs an assert expression, e.g. assert: \"{{ inputs.ok }}\"");
            return null;
        }

        return sla with { Assert = assertion.Value };
    }
}
