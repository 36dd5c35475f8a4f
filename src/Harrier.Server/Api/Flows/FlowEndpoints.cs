using Harrier.Core.Flows;
using Harrier.Core.Store.Flows;
using Harrier.Core.Store.Search;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Search;
using Microsoft.AspNetCore.Mvc;

namespace Harrier.Server.Api.Flows;

/// <summary>
/// Kestra's flows API: create, update, get (with <c>?source=true</c>), revisions, delete, search, a namespace's flows,
/// validation, and replacing a namespace's flows at once. A flow that does not validate is refused (422, one
/// <c>LINE:COL: path: message</c> per problem) and nothing is stored.
/// </summary>
public static class FlowEndpoints
{
    private const string Yaml = "application/x-yaml";

    public static void Map(RouteGroupBuilder api)
    {
        var flows = api.MapGroup("/flows").WithTags("Flows");
        flows.MapPost("", CreateAsync).DescribesBody(Yaml, "The flow as YAML").Produces<Dictionary<string, object?>>().WithSummary("Create a flow from its YAML source");
        flows.MapPost("/validate", Validate).DescribesBody(Yaml, "The flow as YAML").Produces<List<ApiFlowValidation>>().WithSummary("Validate flows (several separated by ---)");
        flows.MapGet("/search", SearchAsync).Produces<ApiPage<Dictionary<string, object?>>>().WithSummary("Search flows");
        flows.MapGet("/distinct-namespaces", (IFlowStore store, CancellationToken ct) => store.ListNamespacesAsync(ct)).WithSummary("Namespaces that hold flows");
        flows.MapGet("/{namespace}", ListNamespaceAsync).Produces<List<Dictionary<string, object?>>>().WithSummary("The flows of a namespace");
        flows.MapPost("/{namespace}", ReplaceNamespaceAsync).DescribesBody(Yaml, "The flow as YAML").Produces<List<Dictionary<string, object?>>>()
            .WithSummary("Create or update a namespace's flows at once (delete=true removes the others)");
        flows.MapGet("/{namespace}/{id}", GetAsync).Produces<Dictionary<string, object?>>().WithSummary("Get a flow");
        flows.MapPut("/{namespace}/{id}", UpdateAsync).DescribesBody(Yaml, "The flow as YAML").Produces<Dictionary<string, object?>>().WithSummary("Update a flow from its YAML source");
        flows.MapDelete("/{namespace}/{id}", DeleteAsync).Produces(StatusCodes.Status204NoContent).WithSummary("Delete a flow");
        flows.MapGet("/{namespace}/{id}/revisions", RevisionsAsync).Produces<List<Dictionary<string, object?>>>().WithSummary("Every revision of a flow");
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, FlowCatalog catalog, CancellationToken ct)
    {
        var source = await RequestBodies.ReadTextAsync(request, ct);
        var flow = LoadOrThrow(catalog, source);
        var saved = await catalog.SaveAsync(flow, source, FlowSaveMode.Create, ct);
        if (saved.Status == FlowSaveStatus.AlreadyExists)
        {
            throw ApiException.Invalid($"flow {flow.Namespace}.{flow.Id} already exists; update it with PUT /flows/{flow.Namespace}/{flow.Id}", "flow.id");
        }

        return TypedResults.Ok(FlowJson.From(saved.Flow!, includeSource: true));
    }

    private static async Task<IResult> UpdateAsync(string @namespace, string id, HttpRequest request, FlowCatalog catalog, CancellationToken ct)
    {
        var source = await RequestBodies.ReadTextAsync(request, ct);
        var flow = LoadOrThrow(catalog, source);
        if (flow.Namespace != @namespace || flow.Id != id)
        {
            throw ApiException.Invalid($"the document is flow {flow.Namespace}.{flow.Id}, not {@namespace}.{id}: a flow's namespace and id cannot change", flow.Id != id ? "flow.id" : "flow.namespace");
        }

        var saved = await catalog.SaveAsync(flow, source, FlowSaveMode.Update, ct);
        return saved.Status == FlowSaveStatus.NotFound
            ? throw ApiException.NotFound($"there is no flow {@namespace}.{id}; create it with POST /flows")
            : TypedResults.Ok(FlowJson.From(saved.Flow!, includeSource: true));
    }

    private static async Task<IResult> GetAsync(string @namespace, string id, IFlowStore store, CancellationToken ct,
        [FromQuery] bool source = false, [FromQuery] int? revision = null, [FromQuery] bool allowDeleted = false)
    {
        var flow = await store.GetAsync(@namespace, id, revision, allowDeleted, ct)
            ?? throw ApiException.NotFound(revision is null ? $"there is no flow {@namespace}.{id}" : $"flow {@namespace}.{id} has no revision {revision}");
        return TypedResults.Ok(FlowJson.From(flow, source));
    }

    private static async Task<IResult> RevisionsAsync(string @namespace, string id, IFlowStore store, CancellationToken ct)
    {
        var revisions = await store.ListRevisionsAsync(@namespace, id, ct);
        return revisions.Count == 0
            ? throw ApiException.NotFound($"there is no flow {@namespace}.{id}")
            : TypedResults.Ok(revisions.Select(f => FlowJson.From(f, includeSource: true)).ToList());
    }

    private static async Task<IResult> DeleteAsync(string @namespace, string id, IFlowStore store, CancellationToken ct) =>
        await store.DeleteAsync(@namespace, id, ct) ? TypedResults.NoContent() : throw ApiException.NotFound($"there is no flow {@namespace}.{id}");

    private static async Task<IResult> ListNamespaceAsync(string @namespace, IFlowStore store, TimeProvider time, CancellationToken ct)
    {
        var page = await store.SearchAsync(new SearchQuery { Filters = [new SearchFilter("namespace", FilterOperation.EqualTo, @namespace)], Size = SearchRequest.MaxSize }, ct);
        return TypedResults.Ok(page.Results.Select(f => FlowJson.From(f, includeSource: false)).ToList());
    }

    private static async Task<IResult> SearchAsync(HttpRequest request, IFlowStore store, TimeProvider time, CancellationToken ct)
    {
        var query = SearchRequest.Read(request, time, Legacy, new Dictionary<string, string>(StringComparer.Ordinal) { ["flowId"] = "id" });
        var page = await store.SearchAsync(query, ct);
        return TypedResults.Ok(new ApiPage<Dictionary<string, object?>>([.. page.Results.Select(f => FlowJson.From(f, includeSource: false))], page.Total));
    }

    /// <summary>Kestra's older parameters: <c>q</c>, <c>namespace</c> (a prefix), <c>labels=key:value</c>.</summary>
    private static void Legacy(IQueryCollection query, List<SearchFilter> filters)
    {
        if (query["q"].ToString() is { Length: > 0 } text)
        {
            filters.Add(new SearchFilter("q", FilterOperation.Contains, text));
        }

        if (query["namespace"].ToString() is { Length: > 0 } ns)
        {
            filters.Add(new SearchFilter("namespace", FilterOperation.Prefix, ns));
        }

        foreach (var label in query["labels"].Where(l => !string.IsNullOrEmpty(l)))
        {
            filters.Add(new SearchFilter("labels", FilterOperation.EqualTo, label!));
        }

        for (var i = 0; i < filters.Count; i++)
        {
            // Kestra's flow filter says flowId where the store says id.
            if (filters[i].Field == "flowId")
            {
                filters[i] = filters[i] with { Field = "id" };
            }
        }
    }

    private static async Task<IResult> Validate(HttpRequest request, FlowCatalog catalog, CancellationToken ct)
    {
        var documents = FlowDocuments.Split(await RequestBodies.ReadTextAsync(request, ct));
        var results = documents.Select((document, index) =>
        {
            var loaded = catalog.Load(document);
            var (id, ns) = loaded.Flow is { } flow ? (flow.Id, flow.Namespace) : Identify(document);
            var constraints = loaded.Diagnostics.Count == 0 ? null : string.Join("\n", loaded.Diagnostics.Select(FlowDiagnostics.Format));
            return new ApiFlowValidation(index, id, ns, constraints);
        }).ToList();
        return TypedResults.Ok(results);
    }

    private static async Task<IResult> ReplaceNamespaceAsync(string @namespace, HttpRequest request, FlowCatalog catalog, CancellationToken ct, [FromQuery] bool delete = true)
    {
        var documents = FlowDocuments.Split(await RequestBodies.ReadTextAsync(request, ct));
        var problems = new List<ApiErrorItem>();
        var flows = new List<FlowDocument>();
        var definitions = new List<FlowDefinition>();
        for (var i = 0; i < documents.Count; i++)
        {
            var loaded = catalog.Load(documents[i]);
            if (loaded.Flow is not { } flow)
            {
                problems.AddRange(FlowDiagnostics.Items(loaded.Diagnostics, $"flows[{i}]"));
            }
            else if (flow.Namespace != @namespace)
            {
                problems.Add(new ApiErrorItem($"flows[{i}]: flow {flow.Namespace}.{flow.Id} is not in namespace {@namespace}", $"flows[{i}].namespace"));
            }
            else if (flows.Any(f => f.Id == flow.Id))
            {
                problems.Add(new ApiErrorItem($"flows[{i}]: flow id '{flow.Id}' is given twice", $"flows[{i}].id"));
            }
            else
            {
                flows.Add(FlowCatalog.Document(flow, documents[i]));
                definitions.Add(flow);
            }
        }

        if (problems.Count > 0)
        {
            throw ApiException.Invalid(problems);
        }

        var results = await catalog.Store.ReplaceNamespaceAsync(@namespace, flows, delete, ct);
        foreach (var flow in definitions)
        {
            await catalog.RegisterTriggersAsync(flow, ct);
        }

        return TypedResults.Ok(results.Where(r => r.Flow is not null).Select(r => FlowJson.From(r.Flow!, includeSource: true)).ToList());
    }

    private static FlowDefinition LoadOrThrow(FlowCatalog catalog, string source)
    {
        var loaded = catalog.Load(source);
        return loaded.Flow ?? throw ApiException.Invalid(FlowDiagnostics.Items(loaded.Diagnostics));
    }

    /// <summary>The id and namespace an invalid document declares, when it gets that far (for validation results).</summary>
    private static (string? Id, string? Namespace) Identify(string document)
    {
        var root = Core.Yaml.YamlDocumentReader.Read(document, new Core.Validation.DiagnosticBag("flow")).Root as Core.Yaml.YMapping;
        return ((root?["id"] as Core.Yaml.YScalar)?.Value, (root?["namespace"] as Core.Yaml.YScalar)?.Value);
    }
}
