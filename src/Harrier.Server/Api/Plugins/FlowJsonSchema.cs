using System.Text.Json.Nodes;
using Harrier.Core.Flows.Loading;
using Harrier.Core.Tasks.Types;

namespace Harrier.Server.Api.Plugins;

/// <summary>
/// The JSON Schema (draft-07) of a flow document, generated from the same declarations validation reads
/// (<see cref="FlowProperties"/>, <see cref="CommonTaskProperties"/>, the task type registry): every task, runner and
/// trigger type is a definition whose <c>type</c> is its full name or one of its aliases. Editors (VS Code's YAML
/// extension, the web UI) use it to complete and check flows as they are written.
/// </summary>
public static class FlowJsonSchema
{
    private const string FlowDefinition = "io.kestra.core.models.flows.Flow";

    public static JsonObject Build(TaskTypeRegistry registry)
    {
        var definitions = new JsonObject();
        var tasks = new JsonArray();
        var runners = new JsonArray();
        var triggers = new JsonArray();
        foreach (var type in registry.All.OrderBy(t => t.Type, StringComparer.Ordinal))
        {
            IReadOnlyList<PropertyDescriptor> properties = type.Kind is TaskKind.Runnable or TaskKind.Flowable
                ? [.. CommonTaskProperties.All.Where(p => p.Name != "type"), .. type.Properties]
                : [.. type.Properties.Where(p => p.Name != "type")];
            var definition = ObjectSchema(properties, open: false, type.Description);
            var names = new JsonArray { type.Type };
            foreach (var alias in type.Aliases)
            {
                names.Add(alias);
            }

            ((JsonObject)definition["properties"]!).Insert(0, "type", new JsonObject { ["enum"] = names });
            ((JsonArray)definition["required"]!).Add("type");
            definition["title"] = type.SimpleName;
            definitions[type.Type] = definition;
            var reference = new JsonObject { ["$ref"] = $"#/definitions/{type.Type}" };
            (type.Kind switch { TaskKind.TaskRunner => runners, TaskKind.Trigger => triggers, _ => tasks }).Add(reference);
        }

        definitions["task"] = new JsonObject { ["anyOf"] = tasks };
        definitions["taskRunner"] = new JsonObject { ["anyOf"] = runners };
        definitions["trigger"] = new JsonObject { ["anyOf"] = triggers };
        var flow = ObjectSchema(FlowProperties.All, open: false, "A Harrier (Kestra-compatible) flow.");
        ((JsonObject)flow["properties"]!)["triggers"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/definitions/trigger" } };
        definitions[FlowDefinition] = flow;
        return new JsonObject
        {
            ["$schema"] = "http://json-schema.org/draft-07/schema#",
            ["$ref"] = $"#/definitions/{FlowDefinition}",
            ["definitions"] = definitions,
        };
    }

    private static JsonObject ObjectSchema(IEnumerable<PropertyDescriptor> properties, bool open, string description)
    {
        var declared = new JsonObject();
        var required = new JsonArray();
        foreach (var property in properties)
        {
            declared[property.Name] = PropertySchema(property);
            foreach (var alias in property.Aliases)
            {
                declared[alias] = PropertySchema(property with { Deprecated = true });
            }

            if (property.Required)
            {
                required.Add(property.Name);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = declared, ["required"] = required, ["additionalProperties"] = open };
        if (description.Length > 0)
        {
            schema["description"] = description;
        }

        return schema;
    }

    private static JsonObject PropertySchema(PropertyDescriptor property)
    {
        var schema = property.Kind switch
        {
            PropertyKind.String => Scalar(property, "string", "number", "boolean"),
            PropertyKind.Integer => Scalar(property, "integer"),
            PropertyKind.Number => Scalar(property, "number"),
            PropertyKind.Boolean => Scalar(property, "boolean"),
            PropertyKind.Duration => new JsonObject { ["type"] = "string", ["format"] = "duration" },
            PropertyKind.Enum => Enum(property),
            PropertyKind.StringList => List(property),
            PropertyKind.StringOrStringList => new JsonObject { ["anyOf"] = new JsonArray { new JsonObject { ["type"] = "string" }, List(property) } },
            PropertyKind.StringMap => new JsonObject { ["type"] = "object", ["additionalProperties"] = new JsonObject { ["type"] = "string" } },
            PropertyKind.MapOrString => new JsonObject { ["type"] = new JsonArray { "object", "string" } },
            PropertyKind.Map => new JsonObject { ["type"] = "object" },
            PropertyKind.Object => ObjectSchema(property.Fields, property.OpenObject, ""),
            PropertyKind.TaskList => new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/definitions/task" } },
            PropertyKind.DagTaskList => new JsonObject
            {
                ["type"] = "array",
                ["items"] = new JsonObject
                {
                    ["type"] = "object",
                    ["required"] = new JsonArray("task"),
                    ["properties"] = new JsonObject
                    {
                        ["task"] = new JsonObject { ["$ref"] = "#/definitions/task" },
                        ["dependsOn"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } },
                    },
                },
            },
            PropertyKind.TaskListMap => new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["$ref"] = "#/definitions/task" } },
            },
            PropertyKind.TaskRunner => new JsonObject { ["$ref"] = "#/definitions/taskRunner" },
            _ => new JsonObject(),
        };
        if (property.Description.Length > 0)
        {
            schema["description"] = property.Description;
        }

        if (property.Default is { } value)
        {
            schema["default"] = JsonValue.Create(value);
        }

        if (property.Deprecated)
        {
            schema["deprecated"] = true;
        }

        return schema;
    }

    /// <summary>A typed value; a dynamic property may also be a text holding an expression (<c>{{ … }}</c>).</summary>
    private static JsonObject Scalar(PropertyDescriptor property, params string[] types)
    {
        var all = new JsonArray();
        foreach (var type in property.Dynamic && !types.Contains("string") ? [.. types, "string"] : types)
        {
            all.Add(type);
        }

        return new JsonObject { ["type"] = all.Count == 1 ? all[0]!.GetValue<string>() : all };
    }

    private static JsonObject Enum(PropertyDescriptor property)
    {
        var values = new JsonArray();
        foreach (var value in property.EnumValues)
        {
            values.Add(value);
        }

        return property.Dynamic
            ? new JsonObject { ["anyOf"] = new JsonArray { new JsonObject { ["enum"] = values }, new JsonObject { ["type"] = "string", ["pattern"] = ".*\\{\\{.*\\}\\}.*" } } }
            : new JsonObject { ["enum"] = values };
    }

    private static JsonObject List(PropertyDescriptor property)
    {
        var list = new JsonObject { ["type"] = "array", ["items"] = new JsonObject { ["type"] = "string" } };
        if (property.MinItems > 0)
        {
            list["minItems"] = property.MinItems;
        }

        return list;
    }
}
