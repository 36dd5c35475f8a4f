using Harrier.Core.Flows;
using Harrier.Core.Flows.Loading;
using Harrier.Core.Time;
using Harrier.Core.Yaml;

namespace Harrier.Core.Engine.Flowables;

/// <summary>
/// A flowable's node while its flow loads: its properties (plugin defaults merged, already checked against the type's
/// declaration), its child lists, and where to report what the declaration cannot express (a cycle, an unknown
/// dependency). Readers report and fall back to a default, so one load lists every problem at once.
/// </summary>
internal sealed class FlowableSource(YMapping node, string path, IReadOnlyDictionary<string, IReadOnlyList<TaskDefinition>> children, LoadContext context)
{
    public YMapping Node { get; } = node;

    public string Path { get; } = path;

    public IReadOnlyDictionary<string, IReadOnlyList<TaskDefinition>> Children { get; } = children;

    public IReadOnlyList<TaskDefinition> ChildList(string name) => Children.TryGetValue(name, out var list) ? list : [];

    public void Error(YNode at, string property, string message) => context.Error(at, PropertyValidator.Join(Path, property), message);

    /// <summary>A literal integer property, or <paramref name="fallback"/> (the declaration has checked its shape).</summary>
    public int Integer(string name, int fallback) => Node[name]?.ToPlain() is long value ? (int)Math.Clamp(value, int.MinValue, int.MaxValue) : fallback;

    public bool Boolean(string name, bool fallback) => Node[name]?.ToPlain() is bool value ? value : fallback;

    /// <summary>The text of a scalar property (an expression stays as written, rendered when the flowable decides).</summary>
    public string? Text(string name) => Node[name] is YScalar { IsNull: false } scalar ? scalar.Value : null;

    /// <summary>A list of input declarations (a Pause's <c>onResume</c>), checked as a flow's <c>inputs</c> are.</summary>
    public IReadOnlyList<InputDefinition> Inputs(string name) => new InputReader(context).Read(Node[name], PropertyValidator.Join(Path, name));

    /// <summary>A literal ISO-8601 duration, or <paramref name="fallback"/>.</summary>
    public TimeSpan? Duration(YMapping? map, string name, TimeSpan? fallback) =>
        map?[name] is YScalar { IsNull: false } scalar && IsoDuration.TryParse(scalar.Value, out var duration) ? duration : fallback;
}
