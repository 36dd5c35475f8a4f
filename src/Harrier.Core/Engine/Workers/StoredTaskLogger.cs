using System.Runtime.CompilerServices;
using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;

namespace Harrier.Core.Engine.Workers;

/// <summary>
/// Task logger of one attempt: stamps each line, masks known secrets, and hands it to the <see cref="LogWriter"/>;
/// drops lines below the task's <c>logLevel</c>.
/// </summary>
internal sealed class StoredTaskLogger(LogWriter writer, TaskRun taskRun, int attempt, TaskLogLevel? minimum, TimeProvider time, SecretMasker? secrets = null) : ITaskLogger
{
    // Once per log line: optimised from the first call rather than after tiering (see LineSplitter in Harrier.Scripts).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Log(TaskLogLevel level, string message)
    {
        if (minimum is { } min && level < min)
        {
            return;
        }

        writer.Write(new LogEntry
        {
            ExecutionId = taskRun.ExecutionId,
            TaskRunId = taskRun.Id,
            TaskId = taskRun.TaskId,
            Attempt = attempt,
            Level = level,
            Message = secrets is null || secrets.IsEmpty ? message : secrets.Apply(message),
            Timestamp = time.GetUtcNow(),
        });
    }
}
