namespace Harrier.Core.Flows.Loading;

/// <summary>
/// Kestra's retry resolution for a failed runnable task: its own <c>retry</c>, else that of its nearest flowable parent
/// with one (a <c>retry</c> on a Sequential or ForEach retries the failed child), else the flow's. Resolved once, at
/// load, into each runnable's <see cref="TaskDefinition.Retry"/>, whatever its behaviour: a runnable whose retry says
/// <c>CREATE_NEW_EXECUTION</c> is not retried by its worker; the executor ends the execution RETRIED and starts a new one
/// (<see cref="Engine.Executors.NewExecutionRetry"/>).
/// </summary>
internal static class RetryInheritance
{
    public static IReadOnlyList<TaskDefinition> Apply(IReadOnlyList<TaskDefinition> tasks, RetryPolicy? inherited) =>
        inherited is null && !tasks.Any(HasFlowableRetry) ? tasks : [.. tasks.Select(task => Apply(task, inherited))];

    private static TaskDefinition Apply(TaskDefinition task, RetryPolicy? inherited)
    {
        if (!task.IsFlowable)
        {
            return task.Retry is null && inherited is not null ? task with { Retry = inherited } : task;
        }

        var forChildren = task.Retry ?? inherited;
        if (forChildren is null && !task.Children.Values.Any(list => list.Any(HasFlowableRetry)))
        {
            return task;
        }

        return task with
        {
            Children = task.Children.ToDictionary(e => e.Key, e => Apply(e.Value, forChildren), StringComparer.Ordinal),
        };
    }

    private static bool HasFlowableRetry(TaskDefinition task) =>
        task.IsFlowable && (task.Retry is not null || task.Children.Values.Any(list => list.Any(HasFlowableRetry)));
}
