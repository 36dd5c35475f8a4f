using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.FlowStates;

/// <summary><c>state.Get</c>: outputs <c>data</c> (the state's map, empty when there is none) and <c>count</c>.</summary>
public sealed class StateGetTask(IFileStorage? storage) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var file = StateFile.For(storage, context);
        var data = await file.ReadAsync(cancellationToken).ConfigureAwait(false);
        if (data is null && context.Properties.Bool("errorOnMissing", false))
        {
            throw new TaskFailedException($"there is no state '{context.Properties.String("name") ?? "default"}' for this flow yet (errorOnMissing is true)");
        }

        data ??= new Dictionary<string, object?>();
        return TaskOutcome.Success(new Dictionary<string, object?> { ["data"] = data, ["count"] = (long)data.Count });
    }
}
