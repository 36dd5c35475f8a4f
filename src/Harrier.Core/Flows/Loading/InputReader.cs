using System.Text.RegularExpressions;
using Harrier.Core.Flows.Inputs;
using Harrier.Core.Tasks.Types;
using Harrier.Core.Text;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>Reads and validates the <c>inputs</c> list.</summary>
internal sealed partial class InputReader(LoadContext context)
{
    private readonly PropertyValidator _properties = new(context);

    /// <param name="path">Where the list is: <c>inputs</c>, or a Pause's <c>tasks[2].onResume</c>.</param>
    public IReadOnlyList<InputDefinition> Read(YNode? node, string path = "inputs")
    {
        if (node is null or YScalar { IsNull: true })
        {
            return [];
        }

        if (node is not YSequence sequence)
        {
            context.Error(node, path, $"must be a list of inputs (each item starting with '- id:'), found {node.KindName}");
            return [];
        }

        var inputs = new List<InputDefinition>();
        var ids = new Dictionary<string, SourcePosition>(StringComparer.Ordinal);
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            if (ReadOne(sequence.Items[i], $"{path}[{i}]", ids) is { } input)
            {
                inputs.Add(input);
            }
        }

        return inputs;
    }

    private InputDefinition? ReadOne(YNode item, string path, Dictionary<string, SourcePosition> ids)
    {
        if (item is not YMapping map)
        {
            context.Error(item, path, $"an input must be a map with 'id' and 'type', found {item.KindName}");
            return null;
        }

        var idNode = map["id"] as YScalar ?? map["name"] as YScalar;
        var typeNode = map["type"] as YScalar;
        var type = typeNode?.Value.ToUpperInvariant();
        IReadOnlyList<PropertyDescriptor> fields = type is not null && InputTypes.Fields.TryGetValue(type, out var own)
            ? [.. InputTypes.Common.Where(p => p.Name != "id" || map["name"] is null), .. own]
            : InputTypes.Common;
        _properties.ValidateObject(map, fields, path);
        if (typeNode is not null && type is not null && !InputTypes.Fields.ContainsKey(type))
        {
            context.Error(typeNode, PropertyValidator.Join(path, "type"), $"unknown input type '{typeNode.Value}'{Suggestions.DidYouMean(type, InputTypes.Fields.Keys)}; use one of {string.Join(", ", InputTypes.Fields.Keys)}");
        }

        if (type is "SELECT" or "MULTISELECT" or "ENUM" && map["values"] is null or YScalar { IsNull: true } && map["options"] is null && map["expression"] is null)
        {
            context.Error(map, PropertyValidator.Join(path, "values"), $"must not be null: a {type} input needs 'values' (the choices it accepts)");
        }

        if (idNode is null || idNode.IsNull || type is null)
        {
            return null;
        }

        if (!IdPattern().IsMatch(idNode.Value))
        {
            context.Error(idNode, PropertyValidator.Join(path, "id"), $"'{idNode.Value}' is not a valid input id: use letters, digits, '_', '-' and '.' for nesting");
            return null;
        }

        if (!ids.TryAdd(idNode.Value, idNode.Position))
        {
            context.Error(idNode, PropertyValidator.Join(path, "id"), $"duplicate input id '{idNode.Value}' (first declared at line {ids[idNode.Value].Line})");
        }

        return new InputDefinition
        {
            Id = idNode.Value,
            Type = type,
            Required = map["required"]?.ToPlain() is not false,
            Defaults = map["defaults"]?.ToPlain(),
            HasDefaults = map["defaults"] is not null and not YScalar { IsNull: true },
            Description = (map["description"] as YScalar)?.Value,
            DisplayName = (map["displayName"] as YScalar)?.Value,
            Node = map,
        };
    }

    [GeneratedRegex("^[a-zA-Z0-9][.a-zA-Z0-9_-]*$")]
    private static partial Regex IdPattern();
}
