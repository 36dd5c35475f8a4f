using Harrier.Core.Store.Triggers;
using Harrier.Core.Tasks.Running;
using Harrier.Core.Tasks.Types;

namespace Harrier.Core.Tasks.Triggers;

/// <summary>
/// <c>io.kestra.plugin.core.trigger.Toggle</c>: enables or disables a trigger of this flow, or of the flow named by
/// <c>namespace</c> and <c>flowId</c>, as the API's enable/disable does. The trigger must be registered (its flow deployed
/// on a server whose scheduler saw it), as in Kestra: a task run by <c>harrier run</c> alone finds no trigger and says so.
/// </summary>
/// <remarks>
/// The write is a compare-and-set on the trigger's version, redone when the scheduler wrote in between, so a firing
/// trigger never loses the toggle nor has its own write undone. The scheduler applies it on its next look at the store.
/// </remarks>
public sealed class ToggleTask(ITriggerStore triggers) : IRunnableTask
{
    public const string Type = "io.kestra.plugin.core.trigger.Toggle";

    private const int Attempts = 10;

    public static TaskTypeDescriptor Descriptor { get; } = new(Type, TaskKind.Runnable,
    [
        Prop.String("trigger", "Id of the trigger to toggle.", required: true),
        Prop.Boolean("enabled", "Enable (true) or disable (false, the default) the trigger.", defaultValue: false),
        Prop.String("namespace", "Namespace of the trigger's flow (default: this flow's)."),
        Prop.String("flowId", "Id of the trigger's flow (default: this flow)."),
    ])
    {
        Aliases = ["io.kestra.core.tasks.trigger.Toggle"],
        Description = "Enable or disable a trigger.",
    };

    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var key = new TriggerKey(
            properties.String("namespace") is { Length: > 0 } ns ? ns : context.Flow.Namespace,
            properties.String("flowId") is { Length: > 0 } flowId ? flowId : context.Flow.Id,
            properties.RequiredString("trigger"));
        var enabled = properties.Bool("enabled", false);
        for (var attempt = 0; attempt < Attempts; attempt++)
        {
            var state = await triggers.GetAsync(key, cancellationToken).ConfigureAwait(false)
                ?? throw new TaskFailedException(
                    $"there is no trigger '{key.TriggerId}' registered for the flow {key.Namespace}.{key.FlowId}; a trigger is registered once its flow is deployed on a server with a scheduler");
            if ((await triggers.WriteAsync([new TriggerWrite(state with { Disabled = !enabled }, state.Version)], cancellationToken).ConfigureAwait(false)).Count == 0)
            {
                context.Logger.Log(Logs.TaskLogLevel.Info, $"trigger {key} {(enabled ? "enabled" : "disabled")}");
                return TaskOutcome.Success(new Dictionary<string, object?>());
            }
        }

        throw new TaskFailedException($"trigger {key} kept changing while this task toggled it (its scheduler is firing it); run the task again");
    }
}
