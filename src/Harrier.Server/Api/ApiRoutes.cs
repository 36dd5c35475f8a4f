using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Executions;
using Harrier.Server.Api.Flows;
using Harrier.Server.Api.Logs;
using Harrier.Server.Api.Misc;
using Harrier.Server.Api.Namespaces;
using Harrier.Server.Api.Plugins;

namespace Harrier.Server.Api;

/// <summary>
/// Every endpoint, under Kestra's tenant prefix <c>/api/v1/main</c> and the tenant-less <c>/api/v1</c> (the same
/// handlers; only the first is described in the OpenAPI document, where each operation must appear once).
/// </summary>
public static class ApiRoutes
{
    public const string Tenant = "main";

    public static void Map(WebApplication app)
    {
        foreach (var (prefix, described) in new[] { ($"/api/v1/{Tenant}", true), ("/api/v1", false) })
        {
            var api = app.MapGroup(prefix);
            if (!described)
            {
                api.ExcludeFromDescription();
            }

            FlowEndpoints.Map(api);
            ExecutionEndpoints.Map(api);
            Webhooks.WebhookEndpoint.Map(api);
            Triggers.TriggerEndpoints.Map(api);
            LogEndpoints.Map(api);
            NamespaceFileEndpoints.Map(api);
            KeyValueEndpoints.Map(api);
            Workers.WorkerEndpoints.Map(api);
            Metrics.MetricEndpoints.Map(api);
        }

        PluginEndpoints.Map(app);
        MiscEndpoints.Map(app);
        app.MapFallback((HttpContext context) => ApiErrors.WriteAsync(context, StatusCodes.Status404NotFound, $"Not Found: there is no {context.Request.Method} {context.Request.Path}"))
            .ExcludeFromDescription();
    }
}
