using Harrier.Core.Executions;
using Harrier.Core.Store;

namespace Harrier.Persistence.Postgres;

/// <summary>Resumes stored on the paused task runs, with the wake-up in the same transaction (contract: <see cref="IPauseResumes"/>).</summary>
public sealed class PostgresPauseResumes(PostgresDatabase database, TimeProvider time) : IPauseResumes
{
    private const string ReadState = "SELECT state FROM executions WHERE id = @id";

    private const string ReadPaused =
        "SELECT " + TaskRunRows.Columns + " FROM task_runs WHERE execution_id = @execution_id AND state = 'PAUSED'";

    public Task<ResumeOutcome> ResumeAsync(
        string executionId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, object?>> outputsByTaskRun, CancellationToken cancellationToken) =>
        database.WriteAsync(async session =>
        {
            if (await session.Sql(ReadState).Bind("@id", executionId).ScalarAsync(cancellationToken).ConfigureAwait(false) is not string state)
            {
                return ResumeOutcome.NotFound;
            }

            if (States.Parse(state).IsTerminal())
            {
                return ResumeOutcome.AlreadyFinished;
            }

            // Lock order as the other writers: the wake-up, then the execution's row (taken with the change sequence).
            await WakeupRows.WakeAsync(session, executionId, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            var seq = await ChangeSequence.TakeAsync(session, executionId, cancellationToken).ConfigureAwait(false);
            var paused = (await session.Sql(ReadPaused).Bind("@execution_id", executionId).ReadAllAsync(TaskRunRows.Read, cancellationToken).ConfigureAwait(false))
                .Where(run => outputsByTaskRun.ContainsKey(run.Id))
                .ToList();
            if (paused.Count == 0)
            {
                // The extra wake-up and sequence cost one empty pass; nothing was resumed.
                return ResumeOutcome.NotPaused;
            }

            foreach (var run in paused)
            {
                var outputs = new Dictionary<string, object?>(run.Outputs, StringComparer.Ordinal);
                foreach (var (key, value) in outputsByTaskRun[run.Id])
                {
                    outputs[key] = value;
                }

                await TaskRunRows.SaveAsync(session, run with { State = State.Running, Outputs = outputs }, seq, cancellationToken, withMetrics: false).ConfigureAwait(false);
            }

            return ResumeOutcome.Resumed;
        }, cancellationToken);
}
