using System.Security.Cryptography;
using System.Text;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Rendering;
using Harrier.Core.Store.Triggers;
using Harrier.Core.Triggers;
using Harrier.Core.Triggers.Conditions;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Executions;
using Harrier.Server.Api.Flows;
using Harrier.Server.Hosting;
using Harrier.Server.Monitoring;
using Harrier.Server.Scheduling;

namespace Harrier.Server.Api.Webhooks;

/// <summary>
/// Kestra's webhook trigger: <c>GET|POST|PUT /executions/webhook/{namespace}/{id}/{key}</c> starts the latest revision
/// of the flow when one of its enabled <c>Webhook</c> triggers has that key and its conditions hold. A flow or key that
/// does not exist is a 404 that starts nothing (and does not say which of the two was wrong); conditions that do not hold
/// are a 204. The key is the credential: these paths are open when basic authentication is on, as in Kestra.
/// </summary>
public static class WebhookEndpoint
{
    public const string PathPrefix = "/executions/webhook/";

    public static void Map(RouteGroupBuilder api) =>
        api.MapMethods(PathPrefix + "{namespace}/{id}/{key}", ["GET", "POST", "PUT"], CallAsync).WithTags("Executions")
            .DescribesBody("application/json", "Any body: JSON is parsed into trigger.body, other text is kept as text")
            .Produces<ApiWebhookResponse>().Produces(StatusCodes.Status204NoContent)
            .WithSummary("Start an execution through a Webhook trigger (trigger.body, trigger.headers, trigger.parameters)");

    private static async Task<IResult> CallAsync(string @namespace, string id, string key, HttpRequest request, FlowCatalog flows,
        TriggerExecutions executions, HarrierHost host, ServerContext server, ServerMetrics metrics, CancellationToken ct)
    {
        var flow = await flows.GetExecutableAsync(@namespace, id, null, ct).ConfigureAwait(false);
        var trigger = flow is null ? null : await FindAsync(flow, key, host.Store.Triggers, ct).ConfigureAwait(false);
        if (flow is null || trigger is null)
        {
            throw ApiException.NotFound($"there is no flow {@namespace}.{id} with an enabled Webhook trigger of this key");
        }

        if (flow.Disabled)
        {
            throw ApiException.Conflict($"flow {@namespace}.{id} is disabled; enable it to start executions");
        }

        var variables = await WebhookVariables.ReadAsync(request, ct).ConfigureAwait(false);
        if (!ConditionsHold(flow, trigger, variables))
        {
            return TypedResults.NoContent();
        }

        Execution execution;
        try
        {
            execution = executions.Create(flow, trigger, variables);
        }
        catch (TriggerFireException ex)
        {
            throw ApiException.IllegalArgument($"trigger {trigger.Id} started nothing: {ex.Message}");
        }

        await host.Store.Executions.CreateExecutionAsync(execution, ct).ConfigureAwait(false);
        host.Engine.ExecutionsCreated();
        metrics.ExecutionsCreated.Inc();
        var url = server.ExecutionUrl(execution.Namespace, execution.FlowId, execution.Id);
        if (!trigger.Wait)
        {
            return TypedResults.Ok(ApiWebhookResponse.From(ExecutionReads.Render(host, server, execution, null, url), url));
        }

        // As ?wait=true of the executions API: the answer comes when the execution ends, the client leaves or the server drains.
        using var until = CancellationTokenSource.CreateLinkedTokenSource(ct, server.Stopping);
        try
        {
            await host.Engine.WaitAsync(execution.Id, until.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (server.Stopping.IsCancellationRequested && !ct.IsCancellationRequested)
        {
        }

        var ended = await ExecutionReads.GetAsync(host, server, execution.Id, CancellationToken.None, url).ConfigureAwait(false);
        var status = ended.State.Current == State.Failed.ToName() ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        return trigger.ReturnOutputs
            ? TypedResults.Json(ended.Outputs ?? new Dictionary<string, object?>(), statusCode: status)
            : TypedResults.Json(ApiWebhookResponse.From(ended, url), statusCode: status);
    }

    /// <summary>The enabled Webhook trigger whose key (rendered when it is an expression) is <paramref name="key"/>, compared in constant time.</summary>
    private static async Task<WebhookTrigger?> FindAsync(FlowDefinition flow, string key, ITriggerStore store, CancellationToken ct)
    {
        var given = Encoding.UTF8.GetBytes(key);
        foreach (var webhook in flow.Triggers.Select(t => t.Model).OfType<WebhookTrigger>())
        {
            if (webhook.Disabled || RenderKey(flow, webhook) is not { } expected
                || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(expected), given))
            {
                continue;
            }

            var state = await store.GetAsync(new TriggerKey(flow.Namespace, flow.Id, webhook.Id), ct).ConfigureAwait(false);
            return state?.Disabled is true ? null : webhook;
        }

        return null;
    }

    /// <summary>The key as the flow gives it; a key expression that cannot be rendered matches nothing (as in Kestra).</summary>
    private static string? RenderKey(FlowDefinition flow, WebhookTrigger webhook)
    {
        var renderer = ExpressionChecking.Renderer;
        if (!renderer.HasTemplate(webhook.Key))
        {
            return webhook.Key;
        }

        try
        {
            return renderer.Render(webhook.Key, new RenderScope(FlowVariables(flow))).Trim();
        }
        catch (RenderFailedException)
        {
            return null;
        }
    }

    private static bool ConditionsHold(FlowDefinition flow, WebhookTrigger trigger, IReadOnlyDictionary<string, object?> variables)
    {
        var scope = new Dictionary<string, object?>(FlowVariables(flow)) { ["trigger"] = variables };
        var conditions = new ConditionScope(ExpressionChecking.Renderer, new RenderScope(scope));
        try
        {
            return trigger.Conditions.All(c => c.Test(conditions));
        }
        catch (TriggerConditionException ex)
        {
            throw ApiException.IllegalArgument($"a condition of trigger {trigger.Id} could not be evaluated: {ex.Message}");
        }
    }

    private static Dictionary<string, object?> FlowVariables(FlowDefinition flow) => new(StringComparer.Ordinal)
    {
        ["flow"] = new Dictionary<string, object?> { ["id"] = flow.Id, ["namespace"] = flow.Namespace, ["revision"] = (long)flow.Revision },
    };
}
