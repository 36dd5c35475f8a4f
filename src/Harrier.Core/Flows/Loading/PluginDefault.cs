using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>
/// One <c>pluginDefaults</c> entry. It applies to a type equal to <see cref="Type"/> or below it
/// (<c>io.kestra.plugin.scripts</c> covers every script task); the task's own values win unless forced.
/// </summary>
internal sealed record PluginDefault(string Type, YMapping Values, bool Forced)
{
    public bool AppliesTo(string writtenType, string canonicalType) =>
        Covers(writtenType) || Covers(canonicalType);

    private bool Covers(string type) =>
        type == Type || type.StartsWith(Type + ".", StringComparison.Ordinal);
}
