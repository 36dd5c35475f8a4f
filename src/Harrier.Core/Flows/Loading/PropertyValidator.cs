using Harrier.Core.Tasks.Types;
using Harrier.Core.Text;
using Harrier.Core.Time;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>Checks property values against their declarations; every problem becomes a diagnostic.</summary>
internal sealed class PropertyValidator(LoadContext context)
{
    private readonly ExpressionValidator _expressions = new(context);

    /// <summary>
    /// Validates a map against declared properties: unknown keys (with suggestion), missing required ones,
    /// and each value. Keys in <paramref name="handledElsewhere"/> are left to the caller (task lists).
    /// </summary>
    public void ValidateObject(YMapping node, IReadOnlyList<PropertyDescriptor> properties, string path, bool open = false, Func<string, bool>? handledElsewhere = null)
    {
        foreach (var entry in node.Entries)
        {
            var name = entry.Key.Value;
            var descriptor = FindProperty(properties, name);
            if (descriptor is null)
            {
                if (!open)
                {
                    var suggestion = Suggestions.DidYouMean(name, properties.Select(p => p.Name));
                    context.Error(entry.Key, Join(path, name), $"unknown property '{name}'{suggestion}");
                }

                continue;
            }

            if (handledElsewhere?.Invoke(descriptor.Name) == true)
            {
                continue;
            }

            ValidateValue(entry.Value, descriptor, Join(path, name));
        }

        foreach (var property in properties.Where(p => p.Required))
        {
            var present = node.Entries.FirstOrDefault(e => property.Matches(e.Key.Value));
            if (present is null)
            {
                context.Error(node, Join(path, property.Name), $"must not be null: the property '{property.Name}' is required");
            }
        }
    }

    public void ValidateValue(YNode value, PropertyDescriptor property, string path)
    {
        if (value is YScalar { IsNull: true })
        {
            if (property.Required)
            {
                context.Error(value, path, $"must not be null: the property '{property.Name}' is required");
            }

            return;
        }

        if (property.Dynamic && value is YScalar dynamicScalar && ExpressionValidator.HasExpression(dynamicScalar.Value))
        {
            // The type is known only once rendered; the syntax can be checked now.
            _expressions.Check(dynamicScalar, path);
            return;
        }

        switch (property.Kind)
        {
            case PropertyKind.String:
                ExpectScalar(value, property, path, "a text");
                break;
            case PropertyKind.Integer:
                if (ExpectScalar(value, property, path, "an integer") is { } integer && integer.PlainType != ScalarType.Integer)
                {
                    context.Error(value, path, $"must be an integer, found '{integer.Value}'");
                }

                break;
            case PropertyKind.Number:
                if (ExpectScalar(value, property, path, "a number") is { } number && number.PlainType is not (ScalarType.Integer or ScalarType.Float))
                {
                    context.Error(value, path, $"must be a number, found '{number.Value}'");
                }

                break;
            case PropertyKind.Boolean:
                if (ExpectScalar(value, property, path, "true or false") is { } flag && flag.PlainType != ScalarType.Boolean)
                {
                    context.Error(value, path, $"must be true or false, found '{flag.Value}'");
                }

                break;
            case PropertyKind.Duration:
                if (ExpectScalar(value, property, path, "a duration") is { } duration)
                {
                    if (!IsoDuration.TryParse(duration.Value, out var parsed))
                    {
                        context.Error(value, path, IsoDuration.Explain(duration.Value));
                    }
                    else if (parsed < TimeSpan.Zero)
                    {
                        context.Error(value, path, $"'{duration.Value}' is negative; a duration such as a timeout or an interval must be zero or more");
                    }
                }

                break;
            case PropertyKind.Enum:
                ValidateEnum(value, property, path);
                break;
            case PropertyKind.StringList:
                ValidateStringList(value, property, path);
                break;
            case PropertyKind.StringOrStringList:
                if (value is YSequence)
                {
                    ValidateStringList(value, property, path);
                }
                else
                {
                    ExpectScalar(value, property, path, "a text or a list of texts");
                }

                break;
            case PropertyKind.StringMap:
                ValidateStringMap(value, property, path);
                break;
            case PropertyKind.MapOrString:
                if (value is YSequence)
                {
                    context.Error(value, path, "must be a map of file name to content, or a text holding a JSON object; found a list");
                }
                else
                {
                    _expressions.CheckAll(value, path);
                }

                break;
            case PropertyKind.Map:
                if (value is not YMapping)
                {
                    context.Error(value, path, $"must be a map, found {value.KindName}");
                }
                else if (property.Dynamic)
                {
                    _expressions.CheckAll(value, path);
                }

                break;
            case PropertyKind.Object:
                if (value is YMapping mapping)
                {
                    ValidateObject(mapping, property.Fields, path, property.OpenObject);
                }
                else
                {
                    context.Error(value, path, $"must be a map with the fields {string.Join(", ", property.Fields.Select(f => f.Name))}; found {value.KindName}");
                }

                break;
            case PropertyKind.TaskRunner:
                new TaskRunnerValidator(context, this).Validate(value, path);
                break;
            case PropertyKind.TaskList or PropertyKind.TaskListMap or PropertyKind.DagTaskList:
                break;
            default:
                if (property.Dynamic)
                {
                    _expressions.CheckAll(value, path);
                }

                break;
        }
    }

    private YScalar? ExpectScalar(YNode value, PropertyDescriptor property, string path, string expected)
    {
        if (value is YScalar scalar)
        {
            if (property.Dynamic)
            {
                _expressions.Check(scalar, path);
            }

            return scalar;
        }

        context.Error(value, path, $"must be {expected}, found {value.KindName}");
        return null;
    }

    private void ValidateEnum(YNode value, PropertyDescriptor property, string path)
    {
        if (ExpectScalar(value, property, path, "one of " + string.Join(", ", property.EnumValues)) is not { } scalar)
        {
            return;
        }

        if (!property.EnumValues.Contains(scalar.Value, StringComparer.Ordinal))
        {
            var choices = string.Join(", ", property.EnumValues);
            context.Error(value, path, $"'{scalar.Value}' is not one of {choices}{Suggestions.DidYouMean(scalar.Value, property.EnumValues)}");
        }
    }

    private void ValidateStringList(YNode value, PropertyDescriptor property, string path)
    {
        if (value is YScalar scalar)
        {
            // Kestra's mapper accepts a single value where a list is expected.
            if (property.Dynamic)
            {
                _expressions.Check(scalar, path);
            }

            return;
        }

        if (value is not YSequence sequence)
        {
            context.Error(value, path, $"must be a list of texts, found {value.KindName}");
            return;
        }

        if (sequence.Items.Count < property.MinItems)
        {
            context.Error(value, path, $"must hold at least {property.MinItems} item{(property.MinItems == 1 ? "" : "s")}");
        }

        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            if (item is YScalar itemScalar)
            {
                if (property.Dynamic)
                {
                    _expressions.Check(itemScalar, $"{path}[{i}]");
                }
            }
            else
            {
                context.Error(item, $"{path}[{i}]", $"must be a text, found {item.KindName}; quote it if it contains ': ' or starts with '{{'");
            }
        }
    }

    private void ValidateStringMap(YNode value, PropertyDescriptor property, string path)
    {
        if (value is not YMapping mapping)
        {
            context.Error(value, path, $"must be a map of names to texts, found {value.KindName}");
            return;
        }

        foreach (var entry in mapping.Entries)
        {
            if (entry.Value is YScalar scalar)
            {
                if (property.Dynamic)
                {
                    _expressions.Check(scalar, Join(path, entry.Key.Value));
                }
            }
            else
            {
                context.Error(entry.Value, Join(path, entry.Key.Value), $"must be a text, found {entry.Value.KindName}");
            }
        }
    }

    private static PropertyDescriptor? FindProperty(IReadOnlyList<PropertyDescriptor> properties, string name)
    {
        foreach (var property in properties)
        {
            if (property.Matches(name))
            {
                return property;
            }
        }

        return null;
    }

    public static string Join(string path, string name) => string.IsNullOrEmpty(path) ? name : $"{path}.{name}";
}
