using System.Text;
using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Store.Search;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Search;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Logs;

/// <summary>Kestra's logs API: an execution's lines (filtered), their download as text, following them live, and search.</summary>
public static class LogEndpoints
{
    private const int PageSize = 5_000;

    public static void Map(RouteGroupBuilder api)
    {
        var logs = api.MapGroup("/logs").WithTags("Logs");
        logs.MapGet("/search", SearchAsync).Produces<ApiPage<ApiLogEntry>>().WithSummary("Search log lines");
        logs.MapGet("/{executionId}", ListAsync).Produces<List<ApiLogEntry>>().WithSummary("An execution's log lines (minLevel, taskRunId, taskId, attempt, q: a text the message contains)");
        logs.MapGet("/{executionId}/download", DownloadAsync).Produces<string>(contentType: "text/plain").WithSummary("An execution's log lines as text");
        LogFollowEndpoint.Map(logs);
    }

    private static async Task<IResult> ListAsync(string executionId, HttpRequest request, HarrierHost host, CancellationToken ct)
    {
        var execution = await FindAsync(host, executionId, ct);
        var filter = LogLineFilter.Read(request.Query);
        var lines = new List<ApiLogEntry>();
        await foreach (var entry in ReadAllAsync(host, executionId, ct))
        {
            if (filter.Matches(entry))
            {
                lines.Add(ApiLogEntry.From(entry, execution.Namespace, execution.FlowId));
            }
        }

        return TypedResults.Ok(lines);
    }

    private static async Task DownloadAsync(string executionId, HttpContext context, HarrierHost host, CancellationToken ct)
    {
        await FindAsync(host, executionId, ct);
        var filter = LogLineFilter.Read(context.Request.Query);
        context.Response.ContentType = "text/plain; charset=utf-8";
        context.Response.Headers.ContentDisposition = $"attachment; filename=\"{executionId}.log\"";
        var text = new StringBuilder();
        await foreach (var entry in ReadAllAsync(host, executionId, ct))
        {
            if (!filter.Matches(entry))
            {
                continue;
            }

            text.Append(entry.Timestamp.UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)).Append(' ')
                .Append(entry.Level.ToName()).Append(' ');
            if (entry.TaskId is not null)
            {
                text.Append('[').Append(entry.TaskId).Append("] ");
            }

            text.Append(entry.Message).Append('\n');
            if (text.Length > 64 * 1024)
            {
                await context.Response.WriteAsync(text.ToString(), ct);
                text.Clear();
            }
        }

        await context.Response.WriteAsync(text.ToString(), ct);
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, HarrierHost host, ServerContext server, CancellationToken ct)
    {
        var query = SearchRequest.Read(request, server.Time, (q, filters) =>
        {
            if (q["minLevel"].ToString() is { Length: > 0 } level)
            {
                filters.Add(new SearchFilter("level", FilterOperation.EqualTo, level));
            }

            if (q["q"].ToString() is { Length: > 0 } text)
            {
                filters.Add(new SearchFilter("q", FilterOperation.Contains, text));
            }
        });
        var page = await host.Store.LogSearch.SearchAsync(query, ct);
        var executions = new Dictionary<string, Execution?>(StringComparer.Ordinal);
        var results = new List<ApiLogEntry>(page.Results.Count);
        foreach (var entry in page.Results)
        {
            if (!executions.TryGetValue(entry.ExecutionId, out var execution))
            {
                executions[entry.ExecutionId] = execution = await host.Store.Executions.GetExecutionAsync(entry.ExecutionId, ct);
            }

            results.Add(ApiLogEntry.From(entry, execution?.Namespace, execution?.FlowId));
        }

        return TypedResults.Ok(new ApiPage<ApiLogEntry>(results, page.Total));
    }

    internal static async Task<Execution> FindAsync(HarrierHost host, string executionId, CancellationToken ct) =>
        await host.Store.Executions.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");

    private static async IAsyncEnumerable<LogEntry> ReadAllAsync(HarrierHost host, string executionId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long after = 0;
        while (true)
        {
            var page = await host.Store.Logs.ReadAsync(executionId, after, PageSize, ct);
            foreach (var entry in page)
            {
                yield return entry;
            }

            if (page.Count < PageSize)
            {
                yield break;
            }

            after = page[^1].Sequence;
        }
    }
}
