using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.output.OutputValues</c>: renders every text of <c>values</c> (nested maps and lists too)
/// to text, as Kestra does — <c>"{{ 1 + 1 }}"</c> gives <c>"2"</c>; values written as numbers or booleans keep their type — and returns them as output <c>values</c>: <c>{{ outputs.id.values.key }}</c>.
/// </summary>
public sealed class OutputValuesTask : IRunnableTask
{
    public Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var values = context.Properties.TextValue("values") ?? new Dictionary<string, object?>();
        return Task.FromResult(TaskOutcome.Success(new Dictionary<string, object?> { ["values"] = values }));
    }
}
