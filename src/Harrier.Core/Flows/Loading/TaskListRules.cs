namespace Harrier.Core.Flows.Loading;

/// <summary>Constraints a parent puts on its children (WorkingDirectory takes runnable tasks only).</summary>
internal sealed record TaskListRules(bool RunnableOnly, bool NoWorkerGroup)
{
    public static TaskListRules None { get; } = new(false, false);

    public static TaskListRules WorkingDirectoryChildren { get; } = new(true, true);
}
