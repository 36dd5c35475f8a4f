using Harrier.Core.Tasks.Types;
using Harrier.Core.Validation;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>State shared while one document loads: diagnostics, the registry, task ids seen so far.</summary>
internal sealed class LoadContext(DiagnosticBag diagnostics, TaskTypeRegistry registry, IExpressionSyntaxChecker? expressions, string source)
{
    public DiagnosticBag Diagnostics { get; } = diagnostics;

    public TaskTypeRegistry Registry { get; } = registry;

    public IExpressionSyntaxChecker? Expressions { get; } = expressions;

    public string Source { get; } = source;

    /// <summary>Task ids are unique across the whole flow tree (errors and finally included).</summary>
    public Dictionary<string, SourcePosition> TaskIds { get; } = new(StringComparer.Ordinal);

    public IReadOnlyList<PluginDefault> PluginDefaults { get; set; } = [];

    public void Error(YNode node, string path, string message) => Diagnostics.Add(node, path, message);

    public void Error(SourcePosition position, string path, string message) => Diagnostics.Add(position, path, message);
}
