namespace Harrier.Core.Tasks.Types;

/// <summary>What a registered type is: a task that does work, a task that schedules others, a runner, a trigger.</summary>
public enum TaskKind
{
    /// <summary>Executed by a worker (scripts, Log, Return…).</summary>
    Runnable,

    /// <summary>Decided by the executor (Sequential, Parallel, If, ForEach); WorkingDirectory is flowable but runs on one worker.</summary>
    Flowable,

    /// <summary>A task runner (<c>taskRunner.type</c>).</summary>
    TaskRunner,

    Trigger,
}
