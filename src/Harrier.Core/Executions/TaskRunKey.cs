namespace Harrier.Core.Executions;

/// <summary>What a task run is unique by within its execution: the task, its parent task run and the ForEach iteration.</summary>
public readonly record struct TaskRunKey(string TaskId, string? ParentTaskRunId, int? Iteration);
