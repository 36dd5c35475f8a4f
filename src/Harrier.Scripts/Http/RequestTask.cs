using Harrier.Core.Executions;
using Harrier.Core.Logs;
using Harrier.Core.Tasks.Running;

namespace Harrier.Scripts.Http;

/// <summary>
/// <c>io.kestra.plugin.core.http.Request</c> (alias <c>io.kestra.plugin.fs.http.Request</c>): sends one request and
/// outputs <c>uri</c>, <c>code</c>, <c>headers</c> and <c>body</c> (UTF-8 text). A response code of 400 or more fails
/// the task unless <c>options.allowFailed</c>; a connection or timeout error always does.
/// </summary>
public sealed class RequestTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        if (properties.Bool("encryptBody", false))
        {
            throw new TaskFailedException($"{context.Task.Path}.encryptBody: true is not supported by Harrier (Kestra needs an encryption key configured for it); leave it out");
        }

        var options = HttpOptions.Read(properties);
        using var request = await HttpRequestFactory.CreateAsync(properties, options, context.Files, cancellationToken).ConfigureAwait(false);
        using var client = HttpRequestFactory.Client(options);
        context.Logger.Log(TaskLogLevel.Debug, $"{request.Method} {request.RequestUri}");
        using var response = await HttpSend.SendAsync(client, request, HttpCompletionOption.ResponseContentRead, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        var outputs = new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["uri"] = request.RequestUri!.ToString(),
            ["code"] = (long)response.StatusCode,
            ["headers"] = HttpResponseHeaders.Of(response),
            ["body"] = body.Length == 0 ? null : body,
        };
        return (int)response.StatusCode >= 400 && !options.AllowFailed
            ? TaskOutcome.Failure(HttpResponseHeaders.Failure(response), outputs)
            : TaskOutcome.Success(outputs);
    }
}
