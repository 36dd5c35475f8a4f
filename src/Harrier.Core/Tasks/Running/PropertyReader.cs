using System.Globalization;
using Harrier.Core.Flows;
using Harrier.Core.Json;
using Harrier.Core.Rendering;
using Harrier.Core.Time;
using Harrier.Core.Yaml;

namespace Harrier.Core.Tasks.Running;

/// <summary>
/// Typed, rendered access to a task's properties. Errors name the property and the line it was written on,
/// so a runtime rendering failure points at the flow file like a validation error does.
/// </summary>
public sealed class PropertyReader(TaskDefinition task, ITemplateRenderer renderer, RenderScope scope)
{
    public RenderScope Scope => scope;

    public bool Has(string name) => task.Property(name) is { } node && node is not YScalar { IsNull: true };

    public string? String(string name)
    {
        var node = task.Property(name);
        return node switch
        {
            null or YScalar { IsNull: true } => null,
            YScalar scalar => Text(scalar, name),
            _ => PlainJson.Serialize(Value(name)),
        };
    }

    public string RequiredString(string name) =>
        String(name) ?? throw Fail(name, task.Node, "must not be null: the property is required");

    public IReadOnlyList<string>? StringList(string name)
    {
        switch (task.Property(name))
        {
            case null or YScalar { IsNull: true }:
                return null;
            case YSequence sequence:
                return [.. sequence.Items.Select((item, i) => item is YScalar s ? Text(s, $"{name}[{i}]") : PlainJson.Serialize(Rendered(item, name)))];
            case YScalar scalar:
                var value = Rendered(scalar, name);
                return value is System.Collections.IEnumerable list and not string
                    ? [.. list.Cast<object?>().Select(AsText)]
                    : [AsText(value)];
            case var other:
                throw Fail(name, other, $"must be a list of texts, found {other.KindName}");
        }
    }

    public bool Bool(string name, bool defaultValue)
    {
        var node = task.Property(name);
        if (node is null or YScalar { IsNull: true })
        {
            return defaultValue;
        }

        return Rendered(node, name) switch
        {
            bool b => b,
            string s when bool.TryParse(s.Trim(), out var parsed) => parsed,
            var other => throw Fail(name, node, $"must be true or false, found '{AsText(other)}'"),
        };
    }

    public long? Integer(string name)
    {
        var node = task.Property(name);
        if (node is null or YScalar { IsNull: true })
        {
            return null;
        }

        return Rendered(node, name) switch
        {
            long l => l,
            double d when d == Math.Floor(d) => (long)d,
            string s when long.TryParse(s.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var parsed) => parsed,
            var other => throw Fail(name, node, $"must be an integer, found '{AsText(other)}'"),
        };
    }

    public TimeSpan? Duration(string name)
    {
        var text = String(name);
        if (text is null)
        {
            return null;
        }

        return IsoDuration.TryParse(text, out var duration) ? duration : throw Fail(name, task.Property(name)!, IsoDuration.Explain(text));
    }

    /// <summary>A map of texts (<c>env</c>): keys and values rendered.</summary>
    public IReadOnlyDictionary<string, string>? StringMap(string name)
    {
        var value = Value(name);
        if (value is null)
        {
            return null;
        }

        if (value is not IReadOnlyDictionary<string, object?> map)
        {
            throw Fail(name, task.Property(name)!, "must be a map of names to texts");
        }

        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, item) in map)
        {
            if (item is not null)
            {
                result[renderer.HasTemplate(key) ? Render(key, name, task.Property(name)!) : key] = AsText(item);
            }
        }

        return result;
    }

    /// <summary>The property as plain data, every text rendered (single expressions keep their type).</summary>
    public object? Value(string name) => task.Property(name) is { } node ? Rendered(node, name) : null;

    /// <summary>
    /// The property as plain data with every text rendered to text, as Kestra renders a map property: a single
    /// expression gives its text (<c>"{{ 1 + 1 }}"</c> is <c>"2"</c>), values written as numbers or booleans keep their type.
    /// </summary>
    public object? TextValue(string name) => task.Property(name) is { } node ? RenderedAsText(node, name) : null;

    private object? RenderedAsText(YNode node, string name) => node switch
    {
        YScalar { IsNull: true } => null,
        YScalar scalar when renderer.HasTemplate(scalar.Value) => Render(scalar.Value, name, scalar),
        YScalar scalar => scalar.ToPlain(),
        YSequence sequence => sequence.Items.Select(item => RenderedAsText(item, name)).ToList(),
        YMapping mapping => mapping.Entries.ToDictionary(
            e => renderer.HasTemplate(e.Key.Value) ? Render(e.Key.Value, name, e.Key) : e.Key.Value,
            e => RenderedAsText(e.Value, name),
            StringComparer.Ordinal),
        _ => null,
    };

    /// <summary>Renders an arbitrary text in this task's scope (errors point at <paramref name="property"/>).</summary>
    public string RenderText(string text, string property) => Render(text, property, task.Property(property) ?? task.Node);

    public static string AsText(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture)!,
        _ => PlainJson.Serialize(value),
    };

    private object? Rendered(YNode node, string name) => node switch
    {
        YScalar { IsNull: true } => null,
        YScalar scalar when renderer.HasTemplate(scalar.Value) => Evaluate(scalar, name),
        YScalar scalar => scalar.ToPlain(),
        YSequence sequence => sequence.Items.Select(item => Rendered(item, name)).ToList(),
        YMapping mapping => mapping.Entries.ToDictionary(
            e => renderer.HasTemplate(e.Key.Value) ? Render(e.Key.Value, name, e.Key) : e.Key.Value,
            e => Rendered(e.Value, name),
            StringComparer.Ordinal),
        _ => null,
    };

    private string Text(YScalar scalar, string name) =>
        renderer.HasTemplate(scalar.Value) ? Render(scalar.Value, name, scalar) : scalar.Value;

    private string Render(string template, string name, YNode node)
    {
        try
        {
            return renderer.Render(template, scope);
        }
        catch (RenderFailedException ex)
        {
            throw Fail(name, node, ex.Message);
        }
    }

    private object? Evaluate(YScalar scalar, string name)
    {
        try
        {
            return renderer.Evaluate(scalar.Value, scope);
        }
        catch (RenderFailedException ex)
        {
            throw Fail(name, scalar, ex.Message);
        }
    }

    private TaskFailedException Fail(string name, YNode node, string message) =>
        new($"{task.Path}.{name} (line {node.Position.Line}): {message}");
}
