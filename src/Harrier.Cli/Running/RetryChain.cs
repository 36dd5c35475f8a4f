using Harrier.Core.Engine.Executors;
using Harrier.Core.Executions;
using Harrier.Server.Hosting;

namespace Harrier.Cli.Running;

/// <summary>
/// A command that waits for an execution follows the retries it causes: an execution that ended RETRIED (a retry with
/// <c>behavior: CREATE_NEW_EXECUTION</c>) is followed by the next attempt, created by the engine once the retry's delay is
/// over, until one ends otherwise; that last one is the answer.
/// </summary>
internal static class RetryChain
{
    /// <summary>How often a RETRIED execution is looked at until its next attempt exists (the delay itself is the engine's).</summary>
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    /// <summary>The last execution of the chain from <paramref name="ended"/>; <paramref name="wait"/> waits for one to end or pause; <paramref name="onNext"/> hears of each retried one and its next attempt.</summary>
    public static async Task<Execution> FollowAsync(HarrierHost host, Execution ended, Func<string, Task<Execution>> wait, Action<Execution, Execution>? onNext = null)
    {
        var current = ended;
        while (current.State == State.Retried)
        {
            var nextId = NewExecutionRetry.NextId(current);
            Execution? next;
            while ((next = await host.Store.Executions.GetExecutionAsync(nextId, CancellationToken.None).ConfigureAwait(false)) is null)
            {
                var stored = await host.Store.Executions.GetExecutionAsync(current.Id, CancellationToken.None).ConfigureAwait(false);
                if (stored is not { State: State.Retried, RetryAt: not null })
                {
                    // No next attempt is coming (the execution was restarted or deleted meanwhile).
                    return stored ?? current;
                }

                await Task.Delay(Poll).ConfigureAwait(false);
            }

            onNext?.Invoke(current, next);
            current = await wait(next.Id).ConfigureAwait(false);
        }

        return current;
    }
}
