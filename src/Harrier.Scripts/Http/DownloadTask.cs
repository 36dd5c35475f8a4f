using System.Net.Http.Headers;
using Harrier.Core.Executions;
using Harrier.Core.Metrics;
using Harrier.Core.Storage;
using Harrier.Core.Tasks.Running;
using Harrier.Scripts.Tasks;

namespace Harrier.Scripts.Http;

/// <summary>
/// <c>io.kestra.plugin.core.http.Download</c> (alias <c>io.kestra.plugin.fs.http.Download</c>): streams a response
/// body into internal storage and outputs <c>uri</c>, <c>code</c>, <c>length</c> and <c>headers</c>; an empty body
/// fails the task while <c>failOnEmptyResponse</c> (default true). The file keeps the name the server gives
/// (Content-Disposition) or the URL's last segment.
/// </summary>
public sealed class DownloadTask : IRunnableTask
{
    public async Task<TaskOutcome> RunAsync(TaskRunContext context, CancellationToken cancellationToken)
    {
        var properties = context.Properties;
        var files = context.Files ?? throw new TaskFailedException("Download stores the file in internal storage, which this engine was started without");
        var options = HttpOptions.Read(properties);
        using var request = await HttpRequestFactory.CreateAsync(properties, options, files, cancellationToken).ConfigureAwait(false);
        using var client = HttpRequestFactory.Client(options);
        using var response = await HttpSend.SendAsync(client, request, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        if ((int)response.StatusCode >= 400 && !options.AllowFailed)
        {
            return TaskOutcome.Failure(HttpResponseHeaders.Failure(response));
        }

        using var directory = AttemptDirectory.Create(context.TempDirectory);
        var name = FileName(response.Content.Headers.ContentDisposition, request.RequestUri!);
        var local = Path.Combine(directory.Path, name);
        await using (var body = await response.Content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false))
        {
            await StreamCopy.ToFileAsync(body, local, cancellationToken).ConfigureAwait(false);
        }

        var length = new FileInfo(local).Length;
        if (length == 0 && properties.Bool("failOnEmptyResponse", true))
        {
            return TaskOutcome.Failure($"{request.RequestUri} answered {(int)response.StatusCode} with an empty body; set failOnEmptyResponse: false to accept it");
        }

        var uri = await files.UploadAsync(name, local, cancellationToken).ConfigureAwait(false);
        return TaskOutcome.Success(new Dictionary<string, object?>(StringComparer.Ordinal)
        {
            ["uri"] = uri.ToString(),
            ["code"] = (long)response.StatusCode,
            ["length"] = length,
            ["headers"] = HttpResponseHeaders.Of(response),
        }) with
        {
            Metrics = [new MetricEntry("response.length", MetricType.Counter, length, new Dictionary<string, string>())],
        };
    }

    private static string FileName(ContentDispositionHeaderValue? disposition, Uri uri)
    {
        var name = (disposition?.FileNameStar ?? disposition?.FileName)?.Trim('"') ?? Uri.UnescapeDataString(uri.Segments.LastOrDefault() ?? string.Empty).Trim('/');
        name = Path.GetFileName(name);
        return string.Join('_', name.Split(Path.GetInvalidFileNameChars())) is { Length: > 0 } safe && safe is not ("." or "..") ? safe : "download";
    }
}
