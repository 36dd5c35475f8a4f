using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Running;

/// <summary>
/// Waits for an execution to end — or to pause with nothing but a resume to end the pause (a Pause without delay or
/// timeout), when it is returned PAUSED so that the command can say how to resume it instead of waiting for ever.
/// </summary>
internal static class EndOrPause
{
    /// <summary>How often a running execution is looked at for such a pause (a read of one row while not PAUSED).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    public static async Task<Execution> WaitAsync(HarrierHost host, FlowDefinition flow, string executionId)
    {
        var end = host.Engine.WaitAsync(executionId, CancellationToken.None);
        while (true)
        {
            if (await Task.WhenAny(end, Task.Delay(Poll)).ConfigureAwait(false) == end)
            {
                return await end.ConfigureAwait(false);
            }

            var execution = await host.Store.Executions.GetExecutionAsync(executionId, CancellationToken.None).ConfigureAwait(false);
            if (execution is { State: State.Paused } && await WaitsForAResumeAsync(host, flow, executionId).ConfigureAwait(false))
            {
                return execution;
            }
        }
    }

    /// <summary>Every PAUSED run waits for a resume alone (no delay, no timeout), and no task runs beside them.</summary>
    private static async Task<bool> WaitsForAResumeAsync(HarrierHost host, FlowDefinition flow, string executionId)
    {
        var runs = await host.Store.Executions.GetTaskRunsAsync(executionId, CancellationToken.None).ConfigureAwait(false);
        var paused = runs.Where(r => r.State == State.Paused).ToList();
        return paused.Count > 0
            && paused.All(r => r.Decision?.ResumeAt is null)
            && !runs.Any(r => !r.State.IsTerminal() && r.State != State.Paused && flow.FindTask(r.TaskId) is { IsFlowable: false });
    }

    /// <summary>What a command prints when it leaves an execution paused.</summary>
    public static string HowToResume(Execution execution, string dataDirectory) =>
        $"harrier: execution {execution.Id} is PAUSED, waiting to be resumed; continue it with:\n" +
        $"  harrier executions resume {execution.Id} --data-dir {dataDirectory} [--input NAME=VALUE]...";
}
