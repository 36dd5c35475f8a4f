using Harrier.Core.Engine.Flowables.Pause;
using Harrier.Core.Flows;
using Harrier.Core.Inputs;
using Harrier.Core.Store;

namespace Harrier.Core.Executions.Resumes;

/// <summary>
/// Resumes a paused execution as Kestra does: every PAUSED Pause run goes on, with the given values checked and typed
/// against its <c>onResume</c> inputs (defaults, required, types) and output as <c>onResume</c>. Nothing is stored when
/// a value is invalid.
/// </summary>
public sealed class PauseResumer(IExecutionStore store, IPauseResumes resumes)
{
    /// <param name="flow">The flow document the execution runs (its own revision).</param>
    /// <param name="given">Values by onResume input id: texts (command line, form fields) or typed values (JSON).</param>
    public async Task<ResumeResult> ResumeAsync(Execution execution, FlowDefinition flow, IReadOnlyDictionary<string, object?> given, CancellationToken cancellationToken)
    {
        if (execution.State.IsTerminal())
        {
            return ResumeResult.Refused(ResumeOutcome.AlreadyFinished, $"execution {execution.Id} is {execution.State.ToName()}, not PAUSED: it has ended and cannot be resumed");
        }

        var paused = (await store.GetTaskRunsAsync(execution.Id, cancellationToken).ConfigureAwait(false))
            .Where(run => run.State == State.Paused)
            .ToList();
        if (paused.Count == 0)
        {
            return ResumeResult.Refused(ResumeOutcome.NotPaused, NotPausedMessage(execution));
        }

        var outputs = new Dictionary<string, IReadOnlyDictionary<string, object?>>(StringComparer.Ordinal);
        var errors = new List<string>();
        var warnings = new List<string>();
        foreach (var run in paused)
        {
            var declared = (flow.FindTask(run.TaskId)?.Flowable as PauseSpec)?.OnResume ?? [];
            var resolution = InputResolver.Resolve(declared, given);
            errors.AddRange(resolution.Errors.Select(e => $"task '{run.TaskId}': {e}"));
            warnings.AddRange(resolution.Warnings.Select(w => w.Replace("the flow declares no inputs", $"the Pause '{run.TaskId}' declares no onResume inputs", StringComparison.Ordinal)
                .Replace("the flow has no such input", $"the Pause '{run.TaskId}' has no such onResume input", StringComparison.Ordinal)));
            outputs[run.Id] = new Dictionary<string, object?>(StringComparer.Ordinal) { ["onResume"] = resolution.Inputs };
        }

        if (errors.Count > 0)
        {
            return new ResumeResult(null, errors, warnings);
        }

        var outcome = await resumes.ResumeAsync(execution.Id, outputs, cancellationToken).ConfigureAwait(false);
        return outcome switch
        {
            ResumeOutcome.Resumed => new ResumeResult(outcome, [], warnings),
            ResumeOutcome.NotPaused => ResumeResult.Refused(outcome, NotPausedMessage(execution)),
            ResumeOutcome.AlreadyFinished => ResumeResult.Refused(outcome, $"execution {execution.Id} ended while it was being resumed"),
            _ => ResumeResult.Refused(outcome, $"there is no execution {execution.Id}"),
        };
    }

    private static string NotPausedMessage(Execution execution) =>
        $"execution {execution.Id} is {execution.State.ToName()}, not PAUSED; only a paused execution can be resumed";
}

/// <param name="Outcome">What the store did; null when the values were refused before anything was stored.</param>
/// <param name="Errors">Why nothing was resumed (invalid onResume values, or the refusal).</param>
public sealed record ResumeResult(ResumeOutcome? Outcome, IReadOnlyList<string> Errors, IReadOnlyList<string> Warnings)
{
    public bool Resumed => Outcome == ResumeOutcome.Resumed;

    public static ResumeResult Refused(ResumeOutcome outcome, string message) => new(outcome, [message], []);
}
