using Harrier.Core.Tasks.Types;
using Harrier.Core.Yaml;

namespace Harrier.Core.Flows.Loading;

/// <summary>Validates a <c>taskRunner</c> object: a known runner type and that runner's properties.</summary>
internal sealed class TaskRunnerValidator(LoadContext context, PropertyValidator properties)
{
    public void Validate(YNode value, string path)
    {
        if (value is not YMapping mapping)
        {
            context.Error(value, path, $"must be a map with a 'type', e.g. type: io.kestra.plugin.core.runner.Process; found {value.KindName}");
            return;
        }

        if (mapping["type"] is not YScalar { IsNull: false } typeNode)
        {
            context.Error(mapping, PropertyValidator.Join(path, "type"), "must not be null: a task runner needs a 'type' (io.kestra.plugin.core.runner.Process or io.kestra.plugin.scripts.runner.docker.Docker)");
            return;
        }

        var runner = context.Registry.Resolve(typeNode.Value);
        if (runner is null || runner.Kind != TaskKind.TaskRunner)
        {
            var reason = runner is null
                ? context.Registry.ExplainUnknown(typeNode.Value, TaskKind.TaskRunner)
                : $"'{typeNode.Value}' is a {runner.Kind.ToString().ToLowerInvariant()}, not a task runner";
            context.Error(typeNode, PropertyValidator.Join(path, "type"), reason);
            return;
        }

        properties.ValidateObject(mapping, runner.Properties, path);
    }
}
