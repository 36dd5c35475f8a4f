using Harrier.Server.Api.Executions;

namespace Harrier.Server.Api.Webhooks;

/// <summary>Kestra's answer to a webhook call: the execution it started (when it ended, for a trigger with <c>wait: true</c>).</summary>
public sealed record ApiWebhookResponse(
    string Id, string Namespace, string FlowId, int FlowRevision, ApiExecutionTrigger? Trigger,
    IReadOnlyDictionary<string, object?>? Outputs, IReadOnlyList<ApiLabel> Labels, ApiState State, string? Url)
{
    public static ApiWebhookResponse From(ApiExecution execution, string url) => new(
        execution.Id, execution.Namespace, execution.FlowId, execution.FlowRevision, execution.Trigger,
        execution.Outputs, execution.Labels, execution.State, url);
}
