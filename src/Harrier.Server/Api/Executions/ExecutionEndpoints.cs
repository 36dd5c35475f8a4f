using Harrier.Core.Executions;
using Harrier.Core.Storage;
using Harrier.Core.Store;
using Harrier.Core.Store.Search;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Search;
using Harrier.Server.Hosting;
using Harrier.Server.Monitoring;
using Microsoft.AspNetCore.Mvc;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Kestra's executions API: create (multipart inputs, <c>?wait=true</c>), get, search, kill, delete, and the execution's
/// own files. Following, restarts and replays, and the bulk actions (by ids and by query), are in their own files.
/// </summary>
public static class ExecutionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        var executions = api.MapGroup("/executions").WithTags("Executions");
        executions.MapPost("/{namespace}/{id}", CreateAsync).DescribesBody("multipart/form-data", "Form fields and file parts").Produces<ApiExecution>()
            .WithSummary("Create an execution of a flow; inputs as form fields, FILE inputs as file parts; wait=true answers when it ends");
        executions.MapGet("/search", SearchAsync).Produces<ApiPage<ApiExecution>>().WithSummary("Search executions");
        executions.MapGet("", ByFlowAsync).Produces<ApiPage<ApiExecution>>().WithSummary("Executions of one flow");
        executions.MapGet("/{executionId}", GetAsync).Produces<ApiExecution>().WithSummary("Get an execution");
        executions.MapDelete("/{executionId}", DeleteAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Delete an ended execution, its logs and its files");
        executions.MapDelete("/{executionId}/kill", KillAsync).Produces(StatusCodes.Status202Accepted).WithSummary("Kill an execution (202; 409 when it has ended)");
        executions.MapGet("/{executionId}/file", FileAsync).Produces<Stream>(contentType: "application/octet-stream").WithSummary("Download one of the execution's files");
        executions.MapGet("/{executionId}/file/metas", FileMetasAsync).Produces<ApiFileMetas>().WithSummary("Size of one of the execution's files");
        ExecutionFollowEndpoint.Map(executions);
        ExecutionRestartEndpoints.Map(executions);
        ExecutionBulkEndpoints.Map(executions);
        ExecutionBulkQueryEndpoints.Map(executions);
        ExecutionFilePreviewEndpoint.Map(executions);
    }

    private static async Task<IResult> CreateAsync(string @namespace, string id, HttpRequest request, ExecutionStarter starter, HarrierHost host, ServerContext server,
        ServerMetrics metrics, CancellationToken ct, [FromQuery] bool wait = false, [FromQuery] int? revision = null)
    {
        var labels = ExecutionStarter.ParseLabels(request.Query["labels"]);
        var inputs = await ExecutionInputs.ReadAsync(request, ct);
        var execution = await starter.StartAsync(new ExecutionRequest(@namespace, id, revision, inputs, labels), ct);
        metrics.ExecutionsCreated.Inc();
        var url = server.ExecutionUrl(execution.Namespace, execution.FlowId, execution.Id);
        if (!wait)
        {
            return TypedResults.Ok(ExecutionReads.Render(host, server, execution, null, url));
        }

        // A wait ends with the execution, or with the client, or when the server drains (it then answers the state so far).
        using var until = CancellationTokenSource.CreateLinkedTokenSource(ct, server.Stopping);
        try
        {
            await host.Engine.WaitAsync(execution.Id, until.Token);
        }
        catch (OperationCanceledException) when (server.Stopping.IsCancellationRequested && !ct.IsCancellationRequested)
        {
        }

        return TypedResults.Ok(await ExecutionReads.GetAsync(host, server, execution.Id, CancellationToken.None, url));
    }

    private static async Task<IResult> GetAsync(string executionId, HarrierHost host, ServerContext server, CancellationToken ct) =>
        TypedResults.Ok(await ExecutionReads.GetAsync(host, server, executionId, ct));

    private static async Task<IResult> SearchAsync(HttpRequest request, HarrierHost host, ServerContext server, CancellationToken ct) =>
        TypedResults.Ok(await PageAsync(host, server, ReadSearch(request, server.Time), ct));

    /// <summary>The query of <c>GET /executions/search</c>: its filters, legacy parameters and sort (the bulk actions by query read the same).</summary>
    internal static SearchQuery ReadSearch(HttpRequest request, TimeProvider time) =>
        SearchRequest.Read(request, time, (q, filters) => Legacy(q, filters, time), SortFields);

    private static async Task<IResult> ByFlowAsync(HttpRequest request, HarrierHost host, ServerContext server, CancellationToken ct, [FromQuery] string? @namespace = null, [FromQuery] string? flowId = null)
    {
        if (@namespace is null || flowId is null)
        {
            throw ApiException.BadRequest("give namespace and flowId, or search with GET /executions/search");
        }

        var query = SearchRequest.Read(request, server.Time, (_, filters) =>
        {
            filters.Add(new SearchFilter("namespace", FilterOperation.EqualTo, @namespace));
            filters.Add(new SearchFilter("flowId", FilterOperation.EqualTo, flowId));
        });
        return TypedResults.Ok(await PageAsync(host, server, query, ct));
    }

    private static async Task<ApiPage<ApiExecution>> PageAsync(HarrierHost host, ServerContext server, SearchQuery query, CancellationToken ct)
    {
        var page = await host.Store.ExecutionSearch.SearchAsync(query, ct);
        var results = new List<ApiExecution>(page.Results.Count);
        foreach (var execution in page.Results)
        {
            results.Add(ExecutionReads.Render(host, server, execution, await host.Store.Executions.GetTaskRunsAsync(execution.Id, ct)));
        }

        return new ApiPage<ApiExecution>(results, page.Total);
    }

    /// <summary>Kestra's sort names for execution fields.</summary>
    private static readonly Dictionary<string, string> SortFields = new(StringComparer.Ordinal)
    {
        ["state.startDate"] = "startDate",
        ["state.endDate"] = "endDate",
        ["state.current"] = "state",
    };

    /// <summary>Kestra's older parameters: q, namespace (a prefix), flowId, startDate, endDate, timeRange, state (repeatable), labels.</summary>
    private static void Legacy(IQueryCollection query, List<SearchFilter> filters, TimeProvider time)
    {
        void Add(string parameter, string field, FilterOperation operation)
        {
            if (query[parameter].ToString() is { Length: > 0 } value)
            {
                filters.Add(new SearchFilter(field, operation, value));
            }
        }

        Add("q", "q", FilterOperation.Contains);
        Add("namespace", "namespace", FilterOperation.Prefix);
        Add("flowId", "flowId", FilterOperation.EqualTo);
        Add("startDate", "startDate", FilterOperation.GreaterThanOrEqualTo);
        Add("endDate", "endDate", FilterOperation.LessThanOrEqualTo);
        if (query["timeRange"].ToString() is { Length: > 0 } range)
        {
            filters.Add(SearchRequest.TimeRange(range, time));
        }

        var states = query["state"].Where(s => !string.IsNullOrEmpty(s)).SelectMany(s => s!.Split(',')).ToList();
        if (states.Count > 0)
        {
            filters.Add(new SearchFilter("state", FilterOperation.In, states));
        }

        foreach (var label in query["labels"].Where(l => !string.IsNullOrEmpty(l)))
        {
            filters.Add(new SearchFilter("labels", FilterOperation.EqualTo, label!));
        }
    }

    private static async Task<IResult> KillAsync(string executionId, HarrierHost host, CancellationToken ct) =>
        await host.Engine.KillAsync(executionId, ct) switch
        {
            KillRequestOutcome.Requested or KillRequestOutcome.AlreadyRequested => TypedResults.Accepted((string?)null),
            KillRequestOutcome.AlreadyFinished => throw ApiException.Conflict($"execution {executionId} has already ended; there is nothing to kill"),
            _ => throw ApiException.NotFound($"there is no execution {executionId}"),
        };

    private static async Task<IResult> DeleteAsync(string executionId, HarrierHost host, CancellationToken ct,
        [FromQuery] bool deleteLogs = true, [FromQuery] bool deleteStorage = true)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");
        switch (await host.Store.Deletions.DeleteAsync(executionId, keepLogs: !deleteLogs, ct))
        {
            case ExecutionDeletion.NotFound:
                throw ApiException.NotFound($"there is no execution {executionId}");
            case ExecutionDeletion.NotFinished:
                throw ApiException.Conflict($"execution {executionId} is {execution.State.ToName()}; kill it (DELETE /executions/{executionId}/kill) before deleting it");
        }

        if (deleteStorage)
        {
            await host.Files.DeleteAsync(StoragePaths.Execution(execution.Namespace, execution.FlowId, execution.Id), ct);
        }

        return TypedResults.NoContent();
    }

    private static async Task<IResult> FileAsync(string executionId, HarrierHost host, CancellationToken ct, [FromQuery] string? path = null)
    {
        var uri = await ExecutionFileAsync(host, executionId, path, ct);
        var info = await host.Files.GetInfoAsync(uri, ct) ?? throw ApiException.NotFound($"execution {executionId} has no file {uri}");
        var content = await host.Files.OpenReadAsync(uri, ct);
        return TypedResults.Stream(content, "application/octet-stream", uri.FileName, lastModified: info.Modified);
    }

    private static async Task<IResult> FileMetasAsync(string executionId, HarrierHost host, CancellationToken ct, [FromQuery] string? path = null)
    {
        var uri = await ExecutionFileAsync(host, executionId, path, ct);
        var info = await host.Files.GetInfoAsync(uri, ct) ?? throw ApiException.NotFound($"execution {executionId} has no file {uri}");
        return TypedResults.Ok(new ApiFileMetas(info.Size));
    }

    /// <summary>
    /// The storage address <paramref name="path"/> names, if it lies inside the execution's own folder. Anything else —
    /// another execution's file, a namespace file, a local path, a path with <c>..</c> — is refused (422).
    /// </summary>
    internal static async Task<StorageUri> ExecutionFileAsync(HarrierHost host, string executionId, string? path, CancellationToken ct)
    {
        var execution = await host.Store.Executions.GetExecutionAsync(executionId, ct) ?? throw ApiException.NotFound($"there is no execution {executionId}");
        if (string.IsNullOrEmpty(path))
        {
            throw ApiException.BadRequest("give the file as ?path=harrier:///… (an output file URI of this execution)");
        }

        if (!StorageUri.TryParse(path, out var uri, out var error))
        {
            throw ApiException.IllegalArgument(error);
        }

        var own = StoragePaths.Execution(execution.Namespace, execution.FlowId, execution.Id);
        return uri.IsUnder(own) && !uri.Equals(own)
            ? uri
            : throw ApiException.IllegalArgument($"{uri} is not a file of execution {executionId}: only files under {own} can be read here");
    }
}
