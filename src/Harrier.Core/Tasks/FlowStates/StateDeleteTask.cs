using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Tasks.FlowStates;

/// <summary><c>state.Delete</c>: removes the state; output <c>deleted</c> (false when there was none, unless <c>errorOnMissing</c>).</summary>
public sealed class StateDeleteTask(IFileStorage? storage) : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var deleted = await StateFile.For(storage, context).DeleteAsync(cancellationToken).ConfigureAwait(false);
        if (!deleted && context.Properties.Bool("errorOnMissing", false))
        {
            throw new TaskFailedException($"there is no state '{context.Properties.String("name") ?? "default"}' to delete (errorOnMissing is true)");
        }

        return TaskOutcome.Success(new Dictionary<string, object?> { ["deleted"] = deleted });
    }
}
