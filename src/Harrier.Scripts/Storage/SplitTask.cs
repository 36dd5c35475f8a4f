using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Storage;

/// <summary>
/// <c>storage.Split</c>: cuts <c>from</c> one way (<c>bytes</c>, <c>partitions</c>, <c>rows</c> or
/// <c>regexPattern</c>, see <see cref="SplitRouter"/>), each line followed by <c>separator</c> (see
/// <see cref="LineSplitter"/>); output <c>uris</c>, the files in order. The parts keep the source's extension.
/// </summary>
public sealed class SplitTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var from = properties.RequiredString("from");
        var separator = properties.String("separator") ?? "\n";
        var router = SplitRouter.From(context.Task, properties);
        var uris = await LineSplitter.SplitAsync(context, "from", from, separator, router, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success(new Dictionary<string, object?> { ["uris"] = uris.Cast<object?>().ToList() });
    }
}
