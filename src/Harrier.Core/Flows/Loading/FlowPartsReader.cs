using Harrier.Core.Tasks.Types;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>Reads the smaller top-level parts: labels, outputs, plugin defaults, triggers, concurrency.</summary>
internal sealed class FlowPartsReader(LoadContext context)
{
    private readonly PropertyValidator _properties = new(context);

    public IReadOnlyList<FlowLabel> Labels(YNode? node)
    {
        var labels = new List<FlowLabel>();
        switch (node)
        {
            case null or YScalar { IsNull: true }:
                break;
            case YMapping map:
                foreach (var entry in map.Entries)
                {
                    if (entry.Value is YScalar value)
                    {
                        labels.Add(new FlowLabel(entry.Key.Value, value.Value));
                    }
                    else
                    {
                        context.Error(entry.Value, $"labels.{entry.Key.Value}", $"a label value must be a text, found {entry.Value.KindName}");
                    }
                }

                break;
            case YSequence list:
                for (var i = 0; i < list.Items.Count; i++)
                {
                    if (list.Items[i] is YMapping item && item["key"] is YScalar { IsNull: false } key && item["value"] is YScalar value)
                    {
                        labels.Add(new FlowLabel(key.Value, value.Value));
                    }
                    else
                    {
                        context.Error(list.Items[i], $"labels[{i}]", "a label in a list must be a map with 'key' and 'value' texts");
                    }
                }

                break;
            default:
                context.Error(node, "labels", "must be a map of key: value, or a list of {key, value}");
                break;
        }

        return labels;
    }

    public IReadOnlyList<FlowOutputDefinition> Outputs(YNode? node)
    {
        if (node is null or YScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YSequence list)
        {
            context.Error(node, "outputs", $"must be a list of {{id, type, value}}, found {node.KindName}");
            return [];
        }

        IReadOnlyList<PropertyDescriptor> fields =
        [
            Prop.String("id", "Output id.", required: true) with { Dynamic = false },
            Prop.Enum("type", "Output type.", "STRING", [.. InputTypesForOutputs]) with { Required = true, Dynamic = false },
            Prop.Any("value", "Expression giving the value.", required: true),
            Prop.String("description", "Description.") with { Dynamic = false },
            Prop.String("displayName", "Display name.") with { Dynamic = false },
            Prop.Boolean("required", "Whether the output must be set.") with { Dynamic = false },
        ];
        var outputs = new List<FlowOutputDefinition>();
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"outputs[{i}]";
            if (list.Items[i] is not YMapping map)
            {
                context.Error(list.Items[i], path, "an output must be a map with 'id', 'type' and 'value'");
                continue;
            }

            _properties.ValidateObject(map, fields, path);
            if (map["id"] is YScalar { IsNull: false } duplicate && !ids.TryAdd(duplicate.Value, duplicate.Position.Line))
            {
                context.Error(duplicate, PropertyValidator.Join(path, "id"), $"duplicate output id '{duplicate.Value}' (first declared at line {ids[duplicate.Value]})");
            }

            if (map["id"] is YScalar { IsNull: false } id && map["value"] is { } value)
            {
                outputs.Add(new FlowOutputDefinition(id.Value, (map["type"] as YScalar)?.Value ?? "STRING", value, map.Position)
                {
                    Description = (map["description"] as YScalar)?.Value,
                });
            }
        }

        return outputs;
    }

    private static readonly string[] InputTypesForOutputs =
        ["STRING", "INT", "FLOAT", "BOOL", "BOOLEAN", "DATETIME", "DATE", "TIME", "DURATION", "FILE", "JSON", "YAML", "URI", "SECRET", "ARRAY", "EMAIL", "SELECT", "MULTISELECT", "ENUM"];

    public IReadOnlyList<PluginDefault> PluginDefaults(YNode? node)
    {
        if (node is null or YScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YSequence list)
        {
            context.Error(node, "pluginDefaults", "must be a list of {type, values, forced}");
            return [];
        }

        var defaults = new List<PluginDefault>();
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"pluginDefaults[{i}]";
            if (list.Items[i] is not YMapping map)
            {
                context.Error(list.Items[i], path, "a plugin default must be a map with 'type' and 'values'");
                continue;
            }

            _properties.ValidateObject(map, [Prop.String("type", "Type (or type prefix) the defaults apply to.", required: true) with { Dynamic = false },
                Prop.Map("values", "Default property values.") with { Required = true, Dynamic = false },
                Prop.Boolean("forced", "Defaults win over the task's own values.", false) with { Dynamic = false }], path);
            if (map["type"] is YScalar { IsNull: false } type && map["values"] is YMapping values)
            {
                defaults.Add(new PluginDefault(context.Registry.Resolve(type.Value)?.Type ?? type.Value, values, map["forced"]?.ToPlain() is true));
            }
        }

        return defaults;
    }

    public IReadOnlyList<TriggerDefinition> Triggers(YNode? node)
    {
        if (node is null or YScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YSequence list)
        {
            context.Error(node, "triggers", "must be a list of triggers (each item starting with '- id:')");
            return [];
        }

        var triggers = new List<TriggerDefinition>();
        var ids = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < list.Items.Count; i++)
        {
            var path = $"triggers[{i}]";
            if (list.Items[i] is not YMapping map || map["type"] is not YScalar { IsNull: false } type || map["id"] is not YScalar { IsNull: false } id)
            {
                context.Error(list.Items[i], path, "a trigger must be a map with at least 'id' and 'type'");
                continue;
            }

            if (!ids.Add(id.Value))
            {
                context.Error(id, PropertyValidator.Join(path, "id"), $"duplicate trigger id '{id.Value}'");
            }

            var descriptor = context.Registry.Resolve(type.Value);
            if (descriptor is null)
            {
                // As for tasks: a trigger that would never fire must not pass for one that does.
                context.Error(type, PropertyValidator.Join(path, "type"), context.Registry.ExplainUnknown(type.Value, TaskKind.Trigger));
                continue;
            }

            if (descriptor.Kind != TaskKind.Trigger)
            {
                context.Error(type, PropertyValidator.Join(path, "type"), $"'{type.Value}' is not a trigger type");
                continue;
            }

            var merged = ApplyDefaults(map, type.Value, descriptor.Type);
            _properties.ValidateObject(merged, descriptor.Properties, path);
            var definition = new TriggerDefinition(id.Value, descriptor.Type, merged) { Disabled = merged["disabled"]?.ToPlain() is true };
            triggers.Add(definition with { Model = Harrier.Core.Triggers.TriggerReader.Read(definition, path, context.Error) });
        }

        return triggers;
    }

    private YMapping ApplyDefaults(YMapping node, string written, string canonical)
    {
        foreach (var pluginDefault in context.PluginDefaults.Where(d => d.AppliesTo(written, canonical)))
        {
            node = NodeMerger.Merge(node, pluginDefault.Values, pluginDefault.Forced);
        }

        return node;
    }

    /// <summary>Kestra's limit is at least 1: 0 or less would queue every execution for ever.</summary>
    public void CheckConcurrency(YNode? node)
    {
        if (node is YMapping map && map["limit"] is YScalar limitNode && limitNode.ToPlain() is long limit && limit < 1)
        {
            context.Error(limitNode, "concurrency.limit", $"must be at least 1, found {limit}");
        }

        if (node is YMapping withBehavior && withBehavior["behavior"] is YScalar behavior && behavior.Value is not ("QUEUE" or "CANCEL" or "FAIL"))
        {
            context.Error(behavior, "concurrency.behavior", $"must be QUEUE, CANCEL or FAIL, found '{behavior.Value}'");
        }
    }

    public static ConcurrencyDefinition? Concurrency(YNode? node) =>
        node is YMapping map && map["limit"]?.ToPlain() is long limit
            ? new ConcurrencyDefinition((int)Math.Clamp(limit, 0, int.MaxValue), (map["behavior"] as YScalar)?.Value ?? "QUEUE")
            : null;
}
