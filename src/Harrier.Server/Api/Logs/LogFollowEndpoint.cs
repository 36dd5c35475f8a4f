using Harrier.Core.Executions;
using Harrier.Server.Api.Sse;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Logs;

/// <summary>
/// <c>GET /logs/{id}/follow</c>: a <c>start</c> event, then one <c>progress</c> event per line — the lines stored so far,
/// then each new one as soon as it is stored (the engine's "stored" signal wakes the stream; lines stored by other
/// processes are found by a poll every quarter second). Unlike Kestra, which keeps the stream open until the client
/// leaves, Harrier closes it once the execution has ended and its last line was sent, so a follower never hangs.
/// </summary>
public static class LogFollowEndpoint
{
    private const int Batch = 1_000;
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(250);

    public static void Map(RouteGroupBuilder logs) =>
        logs.MapGet("/{executionId}/follow", FollowAsync).Produces(StatusCodes.Status200OK, contentType: SseWriter.ContentType)
            .WithSummary("Follow an execution's log lines live (server-sent events: start, then one progress per line)");

    private static async Task FollowAsync(string executionId, HttpContext context, HarrierHost host, ServerContext server)
    {
        var ct = context.RequestAborted;
        var execution = await LogEndpoints.FindAsync(host, executionId, ct);
        var filter = LogLineFilter.Read(context.Request.Query);
        using var signal = new SemaphoreSlim(0, 1);
        void OnStored(IReadOnlyList<LogEntry> entries)
        {
            foreach (var entry in entries)
            {
                if (entry.ExecutionId == executionId)
                {
                    TryRelease(signal);
                    return;
                }
            }
        }

        host.Engine.Logs.Stored += OnStored;
        try
        {
            var sse = new SseWriter(context.Response);
            await sse.StartAsync(ct);
            await sse.WriteAsync("start", "{}", ct);
            using var until = CancellationTokenSource.CreateLinkedTokenSource(ct, server.Stopping);
            long after = 0;
            var ended = execution.State.IsTerminal();
            while (!until.IsCancellationRequested)
            {
                var page = await host.Store.Logs.ReadAsync(executionId, after, Batch, ct);
                if (page.Count > 0)
                {
                    after = page[^1].Sequence;
                    await sse.WriteAsync(page.Where(filter.Matches).Select(e => ("progress", ApiJson.Serialize(ApiLogEntry.From(e, execution.Namespace, execution.FlowId)))), ct);
                    if (page.Count == Batch)
                    {
                        continue;
                    }
                }

                // Lines are stored before the state that ends the execution: once it is seen ended, one more read finds them all.
                if (ended)
                {
                    return;
                }

                try
                {
                    await signal.WaitAsync(Poll, until.Token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                ended = (await host.Store.Executions.GetExecutionAsync(executionId, ct))?.State.IsTerminal() ?? true;
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
        }
        finally
        {
            host.Engine.Logs.Stored -= OnStored;
        }
    }

    private static void TryRelease(SemaphoreSlim signal)
    {
        try
        {
            if (signal.CurrentCount == 0)
            {
                signal.Release();
            }
        }
        catch (Exception ex) when (ex is SemaphoreFullException or ObjectDisposedException)
        {
            // Already signalled, or the stream has just ended.
        }
    }
}
