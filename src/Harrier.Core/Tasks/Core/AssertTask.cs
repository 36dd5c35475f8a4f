using Harrier.Core.Engine.Planning;
using Harrier.Core.Logs;
using Harrier.Core.Metrics;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Yaml;

namespace Harrier.Core.Tasks.Core;

/// <summary>
/// <c>io.kestra.plugin.core.execution.Assert</c>: renders every condition on its own (one that fails to render counts
/// as failed instead of stopping the others), logs each falsy one at ERROR, records the <c>success</c> and
/// <c>failed</c> counters, and fails with "N assertion(s) failed!" followed by <c>errorMessage</c> when any failed.
/// </summary>
public sealed class AssertTask : IRunnableTask
{
    public Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var conditions = context.Task.Property("conditions") is YSequence sequence
            ? sequence.Items.Select(item => item is YScalar scalar ? scalar.Value : string.Empty).ToList()
            : properties.StringList("conditions") ?? [];
        var failed = 0;
        foreach (var condition in conditions)
        {
            try
            {
                var rendered = properties.RenderText(condition, "conditions");
                if (!Truth.IsTruthy(rendered))
                {
                    context.Logger.Log(TaskLogLevel.Error, $"Assertion `{condition}` failed!");
                    failed++;
                }
            }
            catch (TaskFailedException ex)
            {
                context.Logger.Log(TaskLogLevel.Error, $"Assertion `{condition}` failed, failed to render `{ex.Message}`");
                failed++;
            }
        }

        var metrics = new[]
        {
            new MetricEntry("success", MetricType.Counter, conditions.Count - failed, new Dictionary<string, string>()),
            new MetricEntry("failed", MetricType.Counter, failed, new Dictionary<string, string>()),
        };
        if (failed == 0)
        {
            return Task.FromResult(TaskOutcome.Success() with { Metrics = metrics });
        }

        var message = $"{failed} assertion{(failed > 1 ? "s" : string.Empty)} failed!" + (properties.String("errorMessage") is { } extra ? "\n" + extra : string.Empty);
        return Task.FromResult(TaskOutcome.Failure(message) with { Metrics = metrics });
    }
}
