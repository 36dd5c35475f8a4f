using Harrier.Core.Engine.Planning;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Rendering;
using Harrier.Core.Store;

namespace Harrier.Core.Engine.Executors;

/// <summary>
/// A flow's SLAs against one running execution, at each planning pass (Kestra evaluates them at each change of the
/// execution, and MAX_DURATION again when its deadline passes): the first violated SLA in flow order, and the earliest
/// MAX_DURATION deadline still ahead, when the executor must look again even if nothing else changes. Pure but for the
/// store read of every task run, made only when an assertion names <c>outputs</c>.
/// </summary>
internal sealed class SlaCheck(IExecutionStore store, ITemplateRenderer renderer, EngineVariables variables)
{
    public sealed record Violation(SlaDefinition Sla, string Reason);

    public async Task<(Violation? Violation, DateTimeOffset? Deadline)> EvaluateAsync(
        FlowDefinition flow, Execution execution, IReadOnlyList<TaskRun> readRuns, DateTimeOffset now, CancellationToken cancellationToken)
    {
        DateTimeOffset? deadline = null;
        IReadOnlyList<TaskRun>? allRuns = null;
        foreach (var sla in flow.Sla)
        {
            if (sla.Type == SlaDefinition.MaxDuration && sla.Duration is { } limit)
            {
                var started = execution.StartDate ?? execution.CreatedAt;
                if (now - started > limit)
                {
                    return (new Violation(sla, $"the execution has run for {Iso(now - started)}, longer than its maximum duration of {Iso(limit)}"), null);
                }

                deadline = Earliest(deadline, started + limit);
            }
            else if (sla.Type == SlaDefinition.ExecutionAssertion && sla.Assert is { } assertion)
            {
                // Outputs are in the runs this pass read only when they changed: an assertion on outputs reads them all.
                var runs = assertion.Contains("outputs", StringComparison.Ordinal)
                    ? allRuns ??= await store.GetTaskRunsAsync(execution.Id, cancellationToken).ConfigureAwait(false)
                    : readRuns;
                if (!Holds(assertion, flow, execution, runs, out var failure))
                {
                    return (new Violation(sla, failure ?? $"its assertion {assertion} is false"), null);
                }
            }
        }

        return (null, deadline);
    }

    private bool Holds(string assertion, FlowDefinition flow, Execution execution, IReadOnlyList<TaskRun> runs, out string? failure)
    {
        failure = null;
        try
        {
            return Truth.IsTruthy(renderer.Evaluate(assertion, new RenderScope(variables.ForExecution(flow, execution, runs))));
        }
        catch (RenderFailedException ex)
        {
            // An assertion that cannot be evaluated cannot be said to hold: a violation, with the reason why.
            failure = $"its assertion {assertion} could not be evaluated: {ex.Message}";
            return false;
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } x && x < b ? x : b;

    private static string Iso(TimeSpan duration) => System.Xml.XmlConvert.ToString(TimeSpan.FromMilliseconds(Math.Floor(duration.TotalMilliseconds)));
}
