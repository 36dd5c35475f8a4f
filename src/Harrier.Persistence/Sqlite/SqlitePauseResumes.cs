using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Persistence.Sqlite;

/// <summary>Resumes stored on the paused task runs, with the wake-up in the same transaction (contract: <see cref="IPauseResumes"/>).</summary>
public sealed class SqlitePauseResumes(SqliteDatabase database, TimeProvider time) : IPauseResumes
{
    private const string ReadState = "SELECT state FROM executions WHERE id = @id";

    private const string ReadPaused = "SELECT " + TaskRunRows.Columns + " FROM task_runs WHERE execution_id = @execution_id AND state = 'PAUSED' AND superseded = 0";

    public Task<ResumeOutcome> ResumeAsync(
        string executionId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> outputsByTaskRun, CancellationToken cancellationToken) =>
        database.WriteAsync(write =>
        {
            if (write.Command(ReadState).Bind("@id", executionId).ExecuteScalar() is not string state)
            {
                return ResumeOutcome.NotFound;
            }

            if (States.Parse(state).IsTerminal())
            {
                return ResumeOutcome.AlreadyFinished;
            }

            var paused = TaskRunRows.ReadAll(write.Command(ReadPaused).Bind("@execution_id", executionId))
                .Where(run => outputsByTaskRun.ContainsKey(run.Id))
                .ToList();
            if (paused.Count == 0)
            {
                return ResumeOutcome.NotPaused;
            }

            var seq = ChangeSequence.Take(write, executionId);
            foreach (var run in paused)
            {
                var outputs = new Dictionary<string, object?>(run.Outputs, StringComparer.Ordinal);
                foreach (var (key, value) in outputsByTaskRun[run.Id])
                {
                    outputs[key] = value;
                }

                TaskRunRows.Save(write, run with { State = State.Running, Outputs = outputs }, seq, withMetrics: false);
            }

            WakeupRows.Wake(write, executionId, time.GetUtcNow());
            return ResumeOutcome.Resumed;
        }, cancellationToken);
}
