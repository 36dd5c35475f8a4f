using Harrier.Core.Engine;
using Harrier.Core.Executions;
using Harrier.Core.Flows;
using Harrier.Core.Inputs;
using Harrier.Server.Api.Errors;
using Harrier.Server.Api.Flows;
using Harrier.Server.Hosting;

namespace Harrier.Server.Api.Executions;

/// <summary>
/// Starts executions of deployed flows: resolves the flow revision, checks the inputs (every problem reported, nothing
/// stored on any), uploads FILE inputs under the execution's id, then submits to the engine in the server pool.
/// </summary>
public sealed class ExecutionStarter(FlowCatalog catalog, HarrierHost host)
{
    public const string CorrelationLabel = "system.correlationId";

    public async Task<Execution> StartAsync(ExecutionRequest request, CancellationToken cancellationToken)
    {
        var (ns, flowId, revision, inputs, labels) = (request.Namespace, request.FlowId, request.Revision, request.Inputs, request.Labels);
        var flow = await catalog.GetExecutableAsync(ns, flowId, revision, cancellationToken).ConfigureAwait(false)
            ?? throw ApiException.NotFound(revision is null ? $"there is no flow {ns}.{flowId}; deploy it first" : $"flow {ns}.{flowId} has no revision {revision}");
        if (flow.Disabled)
        {
            throw ApiException.Conflict($"flow {ns}.{flowId} is disabled; enable it to start executions");
        }

        var executionId = Ids.New();
        var problems = new List<ApiErrorItem>();
        var uploads = inputs.PlaceFiles(flow, executionId, problems);
        var resolution = InputResolver.Resolve(flow, inputs.Values);
        problems.AddRange(resolution.Errors.Select(ExecutionInputs.Problem));
        if (problems.Count > 0)
        {
            throw ApiException.Invalid(problems);
        }

        foreach (var (uri, file) in uploads)
        {
            await using var content = file.OpenReadStream();
            await host.Files.PutAsync(uri, content, cancellationToken).ConfigureAwait(false);
        }

        var merged = Merge(flow.Labels, labels, executionId);
        return await host.Engine.SubmitAsync(flow with { Labels = merged }, resolution.Inputs, executionId, CancellationToken.None).ConfigureAwait(false);
    }

    /// <summary>
    /// Labels from the request (<c>labels=key:value</c>). Keys under <c>system.</c> are Kestra's and Harrier's own; only the
    /// correlation id may be given.
    /// </summary>
    public static IReadOnlyList<FlowLabel> ParseLabels(IEnumerable<string?> raw)
    {
        var labels = new List<FlowLabel>();
        foreach (var text in raw.Where(t => !string.IsNullOrEmpty(t)))
        {
            var colon = text!.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                throw ApiException.IllegalArgument($"label '{text}' must be written key:value");
            }

            var label = new FlowLabel(text[..colon], text[(colon + 1)..]);
            if (label.Key.StartsWith("system.", StringComparison.Ordinal) && label.Key != CorrelationLabel)
            {
                throw ApiException.IllegalArgument($"label '{label.Key}' is reserved: labels starting with 'system.' are set by the server");
            }

            labels.Add(label);
        }

        return labels;
    }

    /// <summary>The flow's labels, then the request's (a request label replaces the flow's of the same key), then the correlation id.</summary>
    private static IReadOnlyList<FlowLabel> Merge(IReadOnlyList<FlowLabel> flow, IReadOnlyList<FlowLabel> given, string executionId)
    {
        var merged = flow.Where(l => given.All(g => g.Key != l.Key)).Concat(given).ToList();
        if (merged.All(l => l.Key != CorrelationLabel))
        {
            merged.Add(new FlowLabel(CorrelationLabel, executionId));
        }

        return merged;
    }
}
