using Harrier.Core.Executions;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Sse;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// <c>GET /executions/{id}/follow</c>, with Kestra's framing: a <c>start</c> event (<c>{"id"}</c>), a <c>progress</c> event
/// with the execution whenever it changes, then <c>end</c> with the final execution, after which the server closes the
/// stream. An end this process writes is seen at once; changes are read every <see cref="ServerContext.FollowPollInterval"/>.
/// </summary>
public static class ExecutionFollowEndpoint
{
    private static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    public static void Map(RouteGroupBuilder executions) =>
        executions.MapGet("/{executionId}/follow", FollowAsync).Produces(StatusCodes.Status200OK, contentType: SseWriter.ContentType)
            .WithSummary("Follow an execution (server-sent events: start, progress…, end)");

    private static async Task FollowAsync(string executionId, HttpContext context, HarrierHost host, ServerContext server)
    {
        var ct = context.RequestAborted;
        var store = host.Store.Executions;
        var execution = await store.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");
        var sse = new SseWriter(context.Response);
        await sse.StartAsync(ct);
        await sse.WriteAsync("start", ApiJson.Serialize(new { id = executionId }), ct);
        using var until = CancellationTokenSource.CreateLinkedTokenSource(ct, server.Stopping);
        var ended = host.Engine.WaitAsync(executionId, until.Token);
        long sent = -1;
        var quiet = server.Time.GetUtcNow();
        try
        {
            while (true)
            {
                if (execution.State.IsTerminal())
                {
                    await sse.WriteAsync("end", await JsonAsync(host, server, execution, ct), ct);
                    return;
                }

                if (execution.ChangeSeq != sent)
                {
                    sent = execution.ChangeSeq;
                    quiet = server.Time.GetUtcNow();
                    await sse.WriteAsync("progress", await JsonAsync(host, server, execution, ct), ct);
                }
                else if (server.Time.GetUtcNow() - quiet > KeepAlive)
                {
                    quiet = server.Time.GetUtcNow();
                    await sse.KeepAliveAsync(ct);
                }

                await Task.WhenAny(ended, Task.Delay(server.FollowPollInterval, server.Time, until.Token)).ConfigureAwait(false);
                if (until.IsCancellationRequested)
                {
                    return;
                }

                execution = await store.GetExecutionAsync(executionId, ct) ?? throw new OperationCanceledException("the execution was deleted");
            }
        }
        catch (OperationCanceledException)
        {
            // The client left, the server drains, or the execution was deleted: the stream simply ends.
        }
        finally
        {
            await until.CancelAsync();
            await ended.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }
    }

    private static async Task<string> JsonAsync(HarrierHost host, ServerContext server, Execution execution, CancellationToken ct)
    {
        var taskRuns = await host.Store.Executions.GetTaskRunsAsync(execution.Id, ct);
        return ApiJson.Serialize(ExecutionReads.Render(host, server, execution, taskRuns));
    }
}
